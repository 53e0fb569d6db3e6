import { Knex } from 'knex';
import { digestReadModel, ReadModelDigests } from '../readModel/digests';
import {
  DistrictRecord,
  FeedRecord,
  ReadModel,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';

/** When the read model was last written, and what it was built from. */
export interface ReadModelState {
  /** A hash of the catalog content the model was built from. */
  version: string;
  /** ISO 8601 time of the last refresh that found the catalog readable. */
  refreshedAt: string;
}

/** A lineage edge between two sources: `source` is fed by `upstream`. */
export interface FeedEdge {
  source: string;
  upstream: string;
  elements: string[];
}

/** A provision edge: `source` provides `element`. */
export interface ProvisionEdge {
  source: string;
  element: string;
}

/** A requirement edge: `indicator` needs `element`. */
export interface RequirementEdge {
  indicator: string;
  element: string;
  role: 'required' | 'subgroup';
}

/** Reads and replaces the plugin's indexed copy of the catalog. */
export interface ReadModelStore {
  replace(model: ReadModel, version: string): Promise<void>;
  markRefreshed(at: Date): Promise<void>;
  getState(): Promise<ReadModelState | undefined>;
  listDistricts(): Promise<DistrictRecord[]>;
  /**
   * Hashes of what gap answers read, as of the last replace; none for a
   * model written before they were kept.
   */
  digests(): Promise<Partial<ReadModelDigests>>;
  getSources(options?: {
    district?: string;
    /** Sources of any of these districts or BOCES. */
    districts?: string[];
    refs?: string[];
  }): Promise<StoredSource[]>;
  listElements(): Promise<StoredElement[]>;
  listIndicators(): Promise<StoredIndicator[]>;
  /** The kind of each reference the model knows. */
  kindsOf(refs: string[]): Promise<Map<string, string>>;
  /** Titles and districts of the given nodes, for lineage answers. */
  describe(
    refs: string[],
  ): Promise<Map<string, { title: string; district?: string }>>;
  feedsOf(options: {
    sources?: string[];
    upstreams?: string[];
  }): Promise<FeedEdge[]>;
  provisionsOf(options: {
    sources?: string[];
    elements?: string[];
  }): Promise<ProvisionEdge[]>;
  requirementsOf(options: {
    indicators?: string[];
    elements?: string[];
  }): Promise<RequirementEdge[]>;
  /**
   * Who provides `elements`, for a lineage walk with room for `limit` more
   * sources: every provision by the `known` sources and by the first
   * `limit` others (by reference), and how many others there are in all.
   * At state scale an identifier is provided by thousands of sources; the
   * walk keeps a few hundred, so the rest are counted, not read.
   */
  providersOf(options: {
    elements: string[];
    known: string[];
    limit: number;
  }): Promise<{ edges: ProvisionEdge[]; others: number }>;
  /** Which of `sources` provide any of `elements`. */
  whichProvide(elements: string[], sources: string[]): Promise<Set<string>>;
  /** Every provision with its source, for comparing districts. */
  listHoldings(): Promise<Holding[]>;
}

/** One source's provision of one element, with the source's facts. */
export interface Holding {
  element: string;
  source: string;
  sourceTitle: string;
  district: string;
  vendor?: string;
  product?: string;
  lifecycle: string;
  field: string;
  status: string;
  grades: string[];
  years: string[];
}

// The tables a refresh rewrites, children before parents.
const READ_MODEL_TABLES = [
  'dc_requirements',
  'dc_indicators',
  'dc_elements',
  'dc_feeds',
  'dc_provisions',
  'dc_sources',
  'dc_districts',
];

/** The tables of the vocabulary, children before parents. */
const VOCABULARY_TABLES = ['dc_requirements', 'dc_indicators', 'dc_elements'];

// Keeps IN lists and multi-row inserts well under the bind-parameter limits
// of SQLite and PostgreSQL.
const CHUNK = 400;

type Row = Record<string, any>;

const json = (value: unknown) => JSON.stringify(value ?? []);
const parse = <T>(value: string | null | undefined): T =>
  JSON.parse(value ?? '[]');

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

/** A {@link ReadModelStore} on the plugin's knex database. */
export class DatabaseReadModelStore implements ReadModelStore {
  constructor(private readonly db: Knex) {}

  async replace(model: ReadModel, version: string): Promise<void> {
    const digests = digestReadModel(model);
    await this.db.transaction(async tx => {
      const stored = await readDigests(tx);
      const changed = stored.districts
        ? changedDistricts(stored.districts, digests.districts)
        : undefined;

      if (!changed || stored.vocabulary === undefined) {
        for (const table of READ_MODEL_TABLES) {
          await tx(table).delete();
        }
        await writeSources(tx, model.sources);
        await writeVocabulary(tx, model);
      } else {
        // Only what changed is rewritten: at state scale the whole model
        // is 400,000 rows, and a change to one YAML file touches a few.
        await replaceSourcesOf(tx, changed, model.sources);
        if (stored.vocabulary !== digests.vocabulary) {
          for (const table of VOCABULARY_TABLES) {
            await tx(table).delete();
          }
          await writeVocabulary(tx, model);
        }
      }
      // Districts are few, and their parents and data teams are read by
      // every permission check: rewritten whole every time.
      await tx('dc_districts').delete();
      await insert(
        tx,
        'dc_districts',
        model.districts.map(d => ({
          ref: d.ref,
          name: d.name,
          title: d.title,
          type: d.type,
          parent: d.parent ?? null,
          data_team: d.dataTeam ?? null,
        })),
      );

      await setState(tx, 'vocabulary_digest', digests.vocabulary);
      await setState(
        tx,
        'district_digests',
        JSON.stringify(Object.fromEntries(digests.districts)),
      );
      await setState(tx, 'version', version);
    });

    // PostgreSQL plans queries on freshly bulk-loaded tables without
    // statistics until autovacuum runs; a district's gaps then take 50 ms
    // instead of 6. Vacuuming too clears the rows the delete left and marks
    // the pages all-visible, which lets lineage count an element's
    // providers from the index alone: 15 ms instead of 50 at state scale.
    if (this.db.client.config.client === 'pg') {
      await this.db.raw(`VACUUM (ANALYZE) ${READ_MODEL_TABLES.join(', ')}`);
    }
  }

  async markRefreshed(at: Date): Promise<void> {
    await setState(this.db, 'refreshed_at', at.toISOString());
  }

  async getState(): Promise<ReadModelState | undefined> {
    const rows: Row[] = await this.db('dc_state').select('key', 'value');
    const state = Object.fromEntries(rows.map(r => [r.key, r.value]));
    if (!state.version) {
      return undefined;
    }
    return { version: state.version, refreshedAt: state.refreshed_at };
  }

  async listDistricts(): Promise<DistrictRecord[]> {
    const rows: Row[] = await this.db('dc_districts').orderBy(['title', 'ref']);
    return rows.map(r => ({
      ref: r.ref,
      name: r.name,
      title: r.title,
      type: r.type,
      parent: r.parent ?? undefined,
      dataTeam: r.data_team ?? undefined,
    }));
  }

  async digests(): Promise<Partial<ReadModelDigests>> {
    return readDigests(this.db);
  }

  async getSources(
    options: { district?: string; districts?: string[]; refs?: string[] } = {},
  ): Promise<StoredSource[]> {
    const query = this.db('dc_sources').orderBy(['title', 'ref']);
    if (options.district) {
      query.where('district', options.district);
    }
    if (options.districts) {
      query.whereIn('district', options.districts);
    }
    if (options.refs) {
      query.whereIn('ref', options.refs);
    }
    const rows: Row[] = await query;
    const refs = rows.map(r => r.ref as string);

    // Every source at once (the regional matrix) reads the child tables
    // whole: one scan instead of hundreds of IN lists.
    const whole = !options.district && !options.districts && !options.refs;
    const provisions = whole
      ? await this.db('dc_provisions')
      : await selectIn(this.db, 'dc_provisions', 'source_ref', refs);
    const feeds = whole
      ? await this.db('dc_feeds')
      : await selectIn(this.db, 'dc_feeds', 'source_ref', refs);
    const provisionsOf = groupBy(provisions, 'source_ref', 'position');
    const feedsOf = groupBy(feeds, 'source_ref', 'position');

    // Grade and year lists repeat across hundreds of thousands of rows but
    // take few distinct values; each is parsed once. Callers treat the
    // lists as read-only.
    const lists = new Map<string, string[]>();
    const list = <T extends string>(value: string): T[] => {
      let parsed = lists.get(value);
      if (!parsed) {
        parsed = parse<string[]>(value);
        lists.set(value, parsed);
      }
      return parsed as T[];
    };

    return rows.map(r => ({
      ref: r.ref,
      name: r.name,
      title: r.title,
      district: r.district,
      type: r.type,
      category: r.category,
      lifecycle: r.lifecycle,
      vendor: r.vendor ?? undefined,
      product: r.product ?? undefined,
      owner: r.owner,
      steward: r.steward ?? undefined,
      accessMethod: r.access_method,
      accessFrequency: r.access_frequency,
      linkableByStudentId: Boolean(r.linkable),
      privacy: r.privacy,
      grades: list(r.grades),
      years: list(r.years),
      provides: (provisionsOf.get(r.ref) ?? []).map(p => ({
        element: p.element_ref,
        field: p.field,
        status: p.status,
        grades: list(p.grades),
        years: list(p.years),
        note: p.note ?? undefined,
      })),
      fedBy: (feedsOf.get(r.ref) ?? []).map(
        (f): FeedRecord => ({
          upstream: f.upstream_ref,
          elements: parse(f.elements),
        }),
      ),
    }));
  }

  async listElements(): Promise<StoredElement[]> {
    const rows: Row[] = await this.db('dc_elements').orderBy(['title', 'ref']);
    return rows.map(r => ({
      ref: r.ref,
      name: r.name,
      title: r.title,
      domain: r.domain,
      subgroup: Boolean(r.subgroup),
      owner: r.owner,
      cedsId: r.ceds_id ?? undefined,
      edFiResource: r.edfi_resource ?? undefined,
    }));
  }

  async listIndicators(): Promise<StoredIndicator[]> {
    const rows: Row[] = await this.db('dc_indicators').orderBy([
      'title',
      'ref',
    ]);
    const requirements: Row[] = await this.db('dc_requirements').orderBy([
      'indicator_ref',
      'role',
      'position',
    ]);
    const of = groupBy(requirements, 'indicator_ref');

    return rows.map(r => {
      const needs = of.get(r.ref) ?? [];
      return {
        ref: r.ref,
        name: r.name,
        title: r.title,
        stage: r.stage,
        construct: r.construct,
        owner: r.owner,
        grades: parse(r.grades),
        requires: needs
          .filter(n => n.role === 'required')
          .map(n => n.element_ref),
        disaggregateBy: needs
          .filter(n => n.role === 'subgroup')
          .map(n => n.element_ref),
      };
    });
  }

  async kindsOf(refs: string[]): Promise<Map<string, string>> {
    const kinds = new Map<string, string>();
    for (const [table, kind] of [
      ['dc_sources', 'datasource'],
      ['dc_elements', 'dataelement'],
      ['dc_indicators', 'indicator'],
    ] as const) {
      for (const row of await selectIn(this.db, table, 'ref', refs, ['ref'])) {
        kinds.set(row.ref, kind);
      }
    }
    return kinds;
  }

  async describe(
    refs: string[],
  ): Promise<Map<string, { title: string; district?: string }>> {
    const described = new Map<string, { title: string; district?: string }>();
    for (const row of await selectIn(this.db, 'dc_sources', 'ref', refs, [
      'ref',
      'title',
      'district',
    ])) {
      described.set(row.ref, { title: row.title, district: row.district });
    }
    for (const table of ['dc_elements', 'dc_indicators']) {
      for (const row of await selectIn(this.db, table, 'ref', refs, [
        'ref',
        'title',
      ])) {
        described.set(row.ref, { title: row.title });
      }
    }
    return described;
  }

  async feedsOf(options: {
    sources?: string[];
    upstreams?: string[];
  }): Promise<FeedEdge[]> {
    const rows = options.sources
      ? await selectIn(this.db, 'dc_feeds', 'source_ref', options.sources)
      : await selectIn(
          this.db,
          'dc_feeds',
          'upstream_ref',
          options.upstreams ?? [],
        );
    return rows.map(r => ({
      source: r.source_ref,
      upstream: r.upstream_ref,
      elements: parse(r.elements),
    }));
  }

  async providersOf(options: {
    elements: string[];
    known: string[];
    limit: number;
  }): Promise<{ edges: ProvisionEdge[]; others: number }> {
    const { elements, known, limit } = options;
    const others = () =>
      this.db('dc_provisions')
        .whereIn('element_ref', elements)
        .whereNotIn('source_ref', known);

    // The first providers and how many there are, from one scan of the
    // (element, source) index. One row is read even with no room left, so
    // that the count comes back.
    const rows: Row[] = await this.db
      .select('source_ref', this.db.raw('count(*) over () as n'))
      .from(others().distinct('source_ref').as('providers'))
      .orderBy('source_ref')
      .limit(Math.max(1, limit));
    const n = rows.length > 0 ? Number(rows[0].n) : 0;
    const chosen = rows.slice(0, limit).map(r => r.source_ref as string);

    // By source, the edges come from the primary key: a few rows each.
    const edges: ProvisionEdge[] = [];
    for (const batch of chunks([...known, ...chosen])) {
      const found: Row[] = await this.db('dc_provisions')
        .select('source_ref', 'element_ref')
        .whereIn('source_ref', batch)
        .whereIn('element_ref', elements);
      for (const r of found) {
        edges.push({ source: r.source_ref, element: r.element_ref });
      }
    }
    return { edges, others: n - chosen.length };
  }

  async whichProvide(
    elements: string[],
    sources: string[],
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunks([...new Set(sources)])) {
      const rows: Row[] = await this.db('dc_provisions')
        .distinct('source_ref')
        .whereIn('element_ref', elements)
        .whereIn('source_ref', batch);
      rows.forEach(r => found.add(r.source_ref));
    }
    return found;
  }

  async provisionsOf(options: {
    sources?: string[];
    elements?: string[];
  }): Promise<ProvisionEdge[]> {
    const columns = ['source_ref', 'element_ref'];
    const rows = options.sources
      ? await selectIn(
          this.db,
          'dc_provisions',
          'source_ref',
          options.sources,
          columns,
        )
      : await selectIn(
          this.db,
          'dc_provisions',
          'element_ref',
          options.elements ?? [],
          columns,
        );
    return rows.map(r => ({ source: r.source_ref, element: r.element_ref }));
  }

  async requirementsOf(options: {
    indicators?: string[];
    elements?: string[];
  }): Promise<RequirementEdge[]> {
    const columns = ['indicator_ref', 'element_ref', 'role'];
    const rows = options.indicators
      ? await selectIn(
          this.db,
          'dc_requirements',
          'indicator_ref',
          options.indicators,
          columns,
        )
      : await selectIn(
          this.db,
          'dc_requirements',
          'element_ref',
          options.elements ?? [],
          columns,
        );
    return rows.map(r => ({
      indicator: r.indicator_ref,
      element: r.element_ref,
      role: r.role,
    }));
  }

  async listHoldings(): Promise<Holding[]> {
    const rows: Row[] = await this.db('dc_provisions')
      .join('dc_sources', 'dc_sources.ref', 'dc_provisions.source_ref')
      .select(
        'dc_provisions.element_ref',
        'dc_provisions.source_ref',
        'dc_provisions.field',
        'dc_provisions.status',
        'dc_provisions.grades',
        'dc_provisions.years',
        'dc_sources.title',
        'dc_sources.district',
        'dc_sources.vendor',
        'dc_sources.product',
        'dc_sources.lifecycle',
      )
      .orderBy([
        'dc_provisions.element_ref',
        'dc_sources.title',
        'dc_sources.ref',
      ]);
    return rows.map(r => ({
      element: r.element_ref,
      source: r.source_ref,
      sourceTitle: r.title,
      district: r.district,
      vendor: r.vendor ?? undefined,
      product: r.product ?? undefined,
      lifecycle: r.lifecycle,
      field: r.field,
      status: r.status,
      grades: parse(r.grades),
      years: parse(r.years),
    }));
  }
}

async function readDigests(tx: Knex): Promise<Partial<ReadModelDigests>> {
  const rows: Row[] = await tx('dc_state')
    .select('key', 'value')
    .whereIn('key', ['vocabulary_digest', 'district_digests']);
  const state = Object.fromEntries(rows.map(r => [r.key, r.value]));
  return {
    vocabulary: state.vocabulary_digest,
    districts: state.district_digests
      ? new Map(Object.entries(JSON.parse(state.district_digests)))
      : undefined,
  };
}

/** Districts whose digest differs, including those only one side has. */
function changedDistricts(
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    ref => before.get(ref) !== after.get(ref),
  );
}

/** Replaces the sources of `districts`, with their provisions and feeds. */
async function replaceSourcesOf(
  tx: Knex,
  districts: string[],
  all: StoredSource[],
): Promise<void> {
  const wanted = new Set(districts);
  const refs: string[] = [];
  for (const batch of chunks(districts)) {
    refs.push(
      ...(await tx('dc_sources').whereIn('district', batch).pluck('ref')),
    );
  }
  for (const batch of chunks(refs)) {
    await tx('dc_provisions').whereIn('source_ref', batch).delete();
    await tx('dc_feeds').whereIn('source_ref', batch).delete();
    await tx('dc_sources').whereIn('ref', batch).delete();
  }
  await writeSources(
    tx,
    all.filter(source => wanted.has(source.district)),
  );
}

async function writeSources(tx: Knex, sources: StoredSource[]): Promise<void> {
  await insert(
    tx,
    'dc_sources',
    sources.map(s => ({
      ref: s.ref,
      name: s.name,
      title: s.title,
      district: s.district,
      type: s.type,
      category: s.category,
      lifecycle: s.lifecycle,
      vendor: s.vendor ?? null,
      product: s.product ?? null,
      owner: s.owner,
      steward: s.steward ?? null,
      access_method: s.accessMethod,
      access_frequency: s.accessFrequency,
      linkable: s.linkableByStudentId,
      privacy: s.privacy,
      grades: json(s.grades),
      years: json(s.years),
    })),
  );
  await insert(
    tx,
    'dc_provisions',
    sources.flatMap(s =>
      s.provides.map((p, position) => ({
        source_ref: s.ref,
        element_ref: p.element,
        field: p.field,
        status: p.status,
        grades: json(p.grades),
        years: json(p.years),
        note: p.note ?? null,
        position,
      })),
    ),
  );
  await insert(
    tx,
    'dc_feeds',
    sources.flatMap(s =>
      s.fedBy.map((f, position) => ({
        source_ref: s.ref,
        upstream_ref: f.upstream,
        elements: json(f.elements),
        position,
      })),
    ),
  );
}

async function writeVocabulary(tx: Knex, model: ReadModel): Promise<void> {
  await insert(
    tx,
    'dc_elements',
    model.elements.map(e => ({
      ref: e.ref,
      name: e.name,
      title: e.title,
      domain: e.domain,
      subgroup: e.subgroup,
      owner: e.owner,
      ceds_id: e.cedsId ?? null,
      edfi_resource: e.edFiResource ?? null,
    })),
  );
  await insert(
    tx,
    'dc_indicators',
    model.indicators.map(i => ({
      ref: i.ref,
      name: i.name,
      title: i.title,
      stage: i.stage,
      construct: i.construct,
      owner: i.owner,
      grades: json(i.grades),
    })),
  );
  await insert(
    tx,
    'dc_requirements',
    model.indicators.flatMap(i => [
      ...i.requires.map((element, position) => ({
        indicator_ref: i.ref,
        element_ref: element,
        role: 'required',
        position,
      })),
      ...i.disaggregateBy.map((element, position) => ({
        indicator_ref: i.ref,
        element_ref: element,
        role: 'subgroup',
        position,
      })),
    ]),
  );
}

async function insert(tx: Knex, table: string, rows: Row[]): Promise<void> {
  for (const batch of chunks(rows)) {
    // Rows of up to 17 columns: 400 of them stay under SQLite's limit of
    // 32,766 bound parameters.
    await tx(table).insert(batch);
  }
}

async function selectIn(
  db: Knex,
  table: string,
  column: string,
  values: string[],
  columns: string[] = ['*'],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const batch of chunks([...new Set(values)])) {
    rows.push(...(await db(table).select(columns).whereIn(column, batch)));
  }
  return rows;
}

function groupBy(rows: Row[], key: string, order?: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const list = groups.get(row[key]) ?? [];
    list.push(row);
    groups.set(row[key], list);
  }
  if (order) {
    for (const list of groups.values()) {
      list.sort((a, b) => a[order] - b[order]);
    }
  }
  return groups;
}

async function setState(db: Knex, key: string, value: string): Promise<void> {
  await db('dc_state').insert({ key, value }).onConflict('key').merge();
}
