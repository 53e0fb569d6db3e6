import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { BackendApi } from './api';

/*
 * The lineage and gap questions answered the way a Backstage user could
 * without the data catalog's plugin: through the catalog API alone,
 * walking relations by entity reference one hop at a time, as the catalog
 * graph plugin does (one `POST /entities/by-refs` per hop, in chunks of
 * at most 1,000 references, like the catalog client).
 */

/** The part of a catalog entity the walks read. */
export interface CatalogEntity {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string };
  spec?: Record<string, unknown>;
  relations?: Array<{ type: string; targetRef: string }>;
}

/** Fetches entities by reference; `undefined` for those not found. */
export type FetchEntities = (
  refs: string[],
  fields: string[],
) => Promise<Array<CatalogEntity | undefined>>;

const CHUNK = 1000;

// Only what the walk needs: a lean client, kinder to the baseline than
// the catalog graph, which fetches whole entities.
const WALK_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'relations',
];
const TITLE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
];

/** The catalog API's by-refs route, as the catalog client calls it. */
export function byRefs(api: BackendApi): FetchEntities {
  return async (refs, fields) => {
    const found: Array<CatalogEntity | undefined> = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const { body } = await api.post<{
        items: Array<CatalogEntity | null>;
      }>('/api/catalog/entities/by-refs', {
        entityRefs: refs.slice(i, i + CHUNK),
        fields,
      });
      found.push(...body.items.map(item => item ?? undefined));
    }
    return found;
  };
}

const refOf = (entity: CatalogEntity) =>
  stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });

/**
 * The relations that go one way of the data flow from each kind, as the
 * data catalog's module emits them: a source feeds another and provides
 * elements, an element is required by indicators.
 */
const FOLLOWED: Record<'upstream' | 'downstream', Record<string, string[]>> = {
  downstream: {
    datasource: ['feeds', 'providesElement'],
    dataelement: ['elementRequiredBy'],
    indicator: [],
  },
  upstream: {
    datasource: ['fedBy'],
    dataelement: ['elementProvidedBy'],
    indicator: ['requiresElement'],
  },
};

/** A lineage answer from the catalog API: each node's hops from the root. */
export interface CatalogLineage {
  nodes: Map<string, number>;
  /** Nodes the limit left out. */
  truncated: number;
}

/**
 * Lineage as the catalog graph finds it: breadth first from the root,
 * fetching each hop's entities to read their relations, upstream then
 * downstream for `both`, at most `limit` nodes; then the last hop's
 * entities once more for their titles, which an answer shows. Unlike the
 * plugin it cannot follow a feed only for the elements it carries: the
 * catalog's relations do not say which.
 */
export async function catalogLineage(
  fetchEntities: FetchEntities,
  root: string,
  options: {
    direction: 'upstream' | 'downstream' | 'both';
    depth: number;
    limit: number;
  },
): Promise<CatalogLineage> {
  const nodes = new Map<string, number>([[root, 0]]);
  const fetched = new Map<string, CatalogEntity | undefined>();
  const cutOff = new Set<string>();
  const directions: Array<'upstream' | 'downstream'> =
    options.direction === 'both'
      ? ['upstream', 'downstream']
      : [options.direction];

  const fetchMissing = async (refs: string[], fields: string[]) => {
    const missing = refs.filter(ref => !fetched.has(ref));
    if (missing.length === 0) {
      return;
    }
    const entities = await fetchEntities(missing, fields);
    missing.forEach((ref, i) => fetched.set(ref, entities[i]));
  };

  for (const direction of directions) {
    let frontier = [root];
    for (let hop = 1; hop <= options.depth && frontier.length > 0; hop++) {
      await fetchMissing(frontier, WALK_FIELDS);
      const next: string[] = [];
      for (const ref of frontier) {
        const entity = fetched.get(ref);
        const followed = entity
          ? FOLLOWED[direction][entity.kind.toLocaleLowerCase('en-US')] ?? []
          : [];
        for (const relation of entity?.relations ?? []) {
          if (!followed.includes(relation.type)) {
            continue;
          }
          const target = relation.targetRef;
          if (nodes.has(target)) {
            continue;
          }
          if (nodes.size >= options.limit) {
            cutOff.add(target);
            continue;
          }
          nodes.set(target, hop);
          next.push(target);
        }
      }
      frontier = next;
    }
  }
  await fetchMissing([...nodes.keys()], TITLE_FIELDS);

  return { nodes, truncated: cutOff.size };
}

/** An indicator and the elements it needs, as the catalog relates them. */
export interface RequiredElements {
  ref: string;
  requires: string[];
}

/** An indicator judged by presence alone. */
export interface PresenceResult {
  indicator: string;
  status: 'available' | 'missing';
  /** Required elements no source of the district provides, sorted. */
  missing: string[];
}

/**
 * The simplest gap rule a user could apply to the catalog: an indicator
 * is available when some source of the district (or of its BOCES)
 * provides every element it requires, and missing otherwise. The plugin's
 * rules also weigh linkability, grades, years and subgroups, and answer
 * partial; this only checks presence.
 */
export function decideByPresence(
  indicators: RequiredElements[],
  provided: ReadonlySet<string>,
): PresenceResult[] {
  return indicators.map(({ ref, requires }) => {
    const missing = [...new Set(requires)]
      .filter(element => !provided.has(element))
      .sort();
    return {
      indicator: ref,
      status: missing.length === 0 ? 'available' : 'missing',
      missing,
    };
  });
}

const targetsOf = (entity: CatalogEntity | undefined, type: string) =>
  (entity?.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);

/** Every indicator with the elements it requires, page by page. */
async function listIndicators(api: BackendApi): Promise<RequiredElements[]> {
  const indicators: RequiredElements[] = [];
  const fields = WALK_FIELDS.map(f => `fields=${encodeURIComponent(f)}`);
  let cursor: string | undefined;
  do {
    const query = cursor
      ? `cursor=${encodeURIComponent(cursor)}`
      : `filter=kind=indicator&limit=500&${fields.join('&')}`;
    const { body } = await api.get<{
      items: CatalogEntity[];
      pageInfo: { nextCursor?: string };
    }>(`/api/catalog/entities/by-query?${query}`);
    for (const entity of body.items) {
      indicators.push({
        ref: refOf(entity),
        requires: targetsOf(entity, 'requiresElement'),
      });
    }
    cursor = body.pageInfo.nextCursor;
  } while (cursor);
  return indicators;
}

/**
 * One district's gaps from the catalog API: the district group and its
 * BOCES for their sources, the sources for the elements they provide,
 * every indicator for the elements it requires, the elements for their
 * titles; then {@link decideByPresence}.
 */
export async function catalogGaps(
  api: BackendApi,
  district: string,
): Promise<PresenceResult[]> {
  const fetchEntities = byRefs(api);
  const groupFields = [...WALK_FIELDS, 'spec.parent'];
  const [group] = await fetchEntities([district], groupFields);
  if (!group) {
    throw new Error(`No district ${district} in the catalog`);
  }
  const sources = targetsOf(group, 'districtOf');
  const parent = group.spec?.parent;
  if (typeof parent === 'string') {
    const parentRef = stringifyEntityRef(
      parseEntityRef(parent, { defaultKind: 'group' }),
    );
    const [boces] = await fetchEntities([parentRef], groupFields);
    sources.push(...targetsOf(boces, 'districtOf'));
  }

  const provided = new Set(
    (await fetchEntities(sources, WALK_FIELDS)).flatMap(source =>
      targetsOf(source, 'providesElement'),
    ),
  );
  const indicators = await listIndicators(api);
  const elements = new Set([
    ...provided,
    ...indicators.flatMap(i => i.requires),
  ]);
  await fetchEntities([...elements], [...TITLE_FIELDS, 'spec']);

  return decideByPresence(indicators, provided);
}
