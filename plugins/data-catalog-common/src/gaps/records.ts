import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
  IndicatorEntityV1alpha1,
} from '../entities';
import { ElementRecord, IndicatorRecord, SourceRecord } from './types';

// The rules compare references as plain strings, so every reference is
// resolved here, once, to its full lower-case form.
function resolveRef(ref: string, defaultKind: string, entity: Entity): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

function ownRef(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The gap rules' record of a DataSource, with every coverage resolved. */
export function toSourceRecord(entity: DataSourceEntityV1alpha1): SourceRecord {
  const { spec } = entity;
  return {
    ref: ownRef(entity),
    title: titleOf(entity),
    district: resolveRef(spec.district, 'group', entity),
    type: spec.type,
    lifecycle: spec.lifecycle,
    vendor: spec.vendor,
    product: spec.product,
    accessMethod: spec.access.method,
    linkableByStudentId: spec.linkableByStudentId,
    grades: spec.coverage.grades,
    years: spec.coverage.years,
    // Validation rejects an element listed twice, however it is written;
    // keeping the first guards the rules against YAML that skipped it.
    provides: uniqueBy(spec.provides ?? [], provided =>
      resolveRef(provided.element, 'dataelement', entity),
    ).map(provided => ({
      element: resolveRef(provided.element, 'dataelement', entity),
      field: provided.field,
      status: provided.status ?? 'available',
      grades: provided.coverage?.grades ?? spec.coverage.grades,
      years: provided.coverage?.years ?? spec.coverage.years,
      ...(provided.note !== undefined ? { note: provided.note } : {}),
    })),
  };
}

/** The gap rules' record of a DataElement. */
export function toElementRecord(
  entity: DataElementEntityV1alpha1,
): ElementRecord {
  return {
    ref: ownRef(entity),
    title: titleOf(entity),
    subgroup: entity.spec.subgroup ?? false,
  };
}

/** The gap rules' record of an Indicator. */
export function toIndicatorRecord(
  entity: IndicatorEntityV1alpha1,
): IndicatorRecord {
  const { spec } = entity;
  return {
    ref: ownRef(entity),
    title: titleOf(entity),
    stage: spec.stage,
    construct: spec.construct,
    grades: spec.grades ?? [],
    requires: [
      ...new Set(
        spec.requires.map(ref => resolveRef(ref, 'dataelement', entity)),
      ),
    ],
    disaggregateBy: [
      ...new Set(
        (spec.disaggregateBy ?? []).map(ref =>
          resolveRef(ref, 'dataelement', entity),
        ),
      ),
    ],
  };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter(item => {
    const k = key(item);
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}
