import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  assessDistrict,
  DataSourceEntityV1alpha1,
  ElementRecord,
  IndicatorAvailability,
  IndicatorRecord,
  servesMemberDistricts,
  SourceRecord,
  toSourceRecord,
} from '@internal/plugin-data-catalog-common';

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function parentOf(group: Entity): string | undefined {
  const parent = group.spec?.parent;
  return typeof parent === 'string'
    ? `group:default/${parent.replace(
        /^group:(default\/)?/i,
        '',
      )}`.toLocaleLowerCase('en-US')
    : undefined;
}

/**
 * Answers the gap questions for the given districts from YAML alone, with
 * the same rules and the same regional sources the backend uses. Owners'
 * corrections live in the portal's database, so this answer has none.
 */
export function assessOffline(
  districts: Entity[],
  sources: DataSourceEntityV1alpha1[],
  elements: ElementRecord[],
  indicators: IndicatorRecord[],
): IndicatorAvailability[] {
  const records = sources.map(toSourceRecord);
  const byDistrict = new Map<string, SourceRecord[]>();
  for (const record of records) {
    const list = byDistrict.get(record.district) ?? [];
    list.push(record);
    byDistrict.set(record.district, list);
  }

  return districts.flatMap(district => {
    const ref = refOf(district);
    const parent = parentOf(district);
    return assessDistrict(indicators, {
      district: ref,
      districtTitle: district.metadata.title,
      sources: byDistrict.get(ref) ?? [],
      regionalSources: (parent ? byDistrict.get(parent) ?? [] : []).filter(
        servesMemberDistricts,
      ),
      elements,
      corrections: [],
    });
  });
}
