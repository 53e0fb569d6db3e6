import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isDataElementEntity } from '../entities';
import { DATA_SOURCE_KIND } from '../vocabulary';
import { limitProblems } from './limits';
import { describeEntity, EntityProblem } from './problems';
import { dataCatalogReferences, parseReference } from './references';
import { validateDataCatalogEntity } from './validateEntity';

/** Group types a source's `district` may point at. */
const DISTRICT_GROUP_TYPES = ['district', 'boces'];

/**
 * Checks a whole set of entities, as a district's repository or the demo
 * catalog holds them: each entity on its own, then what only the set can
 * show. Every reference must resolve inside the set, no entity may be
 * defined twice, a district must be a district (or BOCES) group, an
 * indicator may only be broken down by subgroup elements, and a feed may
 * only carry elements its upstream source provides.
 */
export function validateCatalogSet(entities: Entity[]): EntityProblem[] {
  const problems: EntityProblem[] = [];
  const byRef = new Map<string, Entity>();

  for (const entity of entities) {
    problems.push(...validateDataCatalogEntity(entity));

    let ref: string;
    try {
      ref = stringifyEntityRef(getCompoundEntityRef(entity));
    } catch {
      continue;
    }
    if (byRef.has(ref)) {
      problems.push({
        entity: ref,
        field: 'metadata.name',
        message: `"${entity.metadata.name}" is defined more than once; expected one entity per kind, namespace and name`,
      });
      continue;
    }
    byRef.set(ref, entity);
  }

  for (const entity of byRef.values()) {
    // An entity over a limit has its one problem already; looking up each
    // of its ten thousand references would bury it.
    if (limitProblems(entity).length === 0) {
      problems.push(...crossReferenceProblems(entity, byRef));
    }
  }
  return problems;
}

function crossReferenceProblems(
  entity: Entity,
  byRef: Map<string, Entity>,
): EntityProblem[] {
  const name = describeEntity(entity);
  const problems: EntityProblem[] = [];

  for (const reference of dataCatalogReferences(entity)) {
    const parsed = parseReference(reference);
    if (!('target' in parsed)) {
      continue; // Already reported by validateDataCatalogEntity.
    }
    const targetRef = stringifyEntityRef(parsed.target);
    const target = byRef.get(targetRef);

    if (!target) {
      problems.push({
        entity: name,
        field: reference.field,
        message: `"${
          reference.ref
        }" refers to ${targetRef}, which is not defined; expected an existing ${reference.kinds.join(
          ' or ',
        )}`,
      });
      continue;
    }

    const problem = targetProblem(entity, reference.field, target, byRef);
    if (problem) {
      problems.push({ entity: name, field: reference.field, message: problem });
    }
  }
  return problems;
}

/** Rules about what a reference points at, beyond its existence. */
function targetProblem(
  entity: Entity,
  field: string,
  target: Entity,
  byRef: Map<string, Entity>,
): string | undefined {
  const targetName = stringifyEntityRef(target);

  if (field === 'spec.district') {
    const type = target.spec?.type;
    if (typeof type !== 'string' || !DISTRICT_GROUP_TYPES.includes(type)) {
      return `${targetName} is a group of type "${String(
        type,
      )}"; expected a group of type district or boces`;
    }
  }

  if (field.startsWith('spec.disaggregateBy[')) {
    if (isDataElementEntity(target) && !target.spec.subgroup) {
      return `${targetName} is not a subgroup element; expected an element with spec.subgroup true`;
    }
  }

  const feedElement = /^spec\.fedBy\[(\d+)\]\.elements\[\d+\]$/.exec(field);
  if (feedElement && entity.kind === DATA_SOURCE_KIND) {
    const feed = (entity.spec?.fedBy as Array<{ source: string }>)[
      Number(feedElement[1])
    ];
    const upstream = resolveSibling(feed.source, 'datasource', entity, byRef);
    if (upstream && !providesElement(upstream, target)) {
      return `${targetName} is not provided by ${stringifyEntityRef(
        upstream,
      )}; expected an element the upstream source lists in spec.provides`;
    }
  }
  return undefined;
}

function resolveSibling(
  ref: string,
  kind: string,
  entity: Entity,
  byRef: Map<string, Entity>,
): Entity | undefined {
  const parsed = parseReference({
    field: '',
    ref,
    kinds: [kind],
    namespace: entity.metadata.namespace ?? 'default',
  });
  return 'target' in parsed
    ? byRef.get(stringifyEntityRef(parsed.target))
    : undefined;
}

function providesElement(source: Entity, element: Entity): boolean {
  const wanted = stringifyEntityRef(element);
  const provides = (source.spec?.provides ?? []) as Array<{ element: string }>;
  return provides.some(
    item =>
      resolveSibling(
        item.element,
        'dataelement',
        source,
        new Map([[wanted, element]]),
      ) !== undefined,
  );
}
