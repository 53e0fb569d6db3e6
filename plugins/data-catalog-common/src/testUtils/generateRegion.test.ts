import {
  Entity,
  groupEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  isDataSourceEntity,
  isIndicatorEntity,
  isDataElementEntity,
} from '../entities';
import { formatProblem, validateCatalogSet } from '../validation';
import { INDICATOR_CONSTRUCTS, INDICATOR_STAGES } from '../vocabulary';
import { generateRegion } from './generateRegion';

const options = {
  seed: 7,
  bocesCount: 3,
  districtCount: 12,
  sourcesPerDistrict: [10, 30] as [number, number],
  elementCount: 60,
  indicatorCount: 40,
};

function groupsOfType(entities: Entity[], type: string): Entity[] {
  return entities.filter(e => e.kind === 'Group' && e.spec?.type === type);
}

describe('generateRegion', () => {
  const region = generateRegion(options);

  it('generates a region that passes validateCatalogSet', () => {
    expect(validateCatalogSet(region).map(formatProblem)).toEqual([]);
  });

  it('generates valid groups and names', async () => {
    for (const group of region.filter(e => e.kind === 'Group')) {
      await expect(groupEntityV1alpha1Validator.check(group)).resolves.toBe(
        true,
      );
    }
    for (const entity of region) {
      expect(entity.metadata.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    }
  });

  it('generates as many of each entity as asked', () => {
    const districts = groupsOfType(region, 'district');
    const sources = region.filter(isDataSourceEntity);
    const elements = region.filter(isDataElementEntity);
    const indicators = region.filter(isIndicatorEntity);

    expect(groupsOfType(region, 'boces')).toHaveLength(3);
    expect(districts).toHaveLength(12);
    expect(elements).toHaveLength(60);
    expect(indicators).toHaveLength(40);
    // One regional warehouse per BOCES, the rest in districts.
    expect(sources.filter(s => s.spec.type === 'warehouse')).toHaveLength(3);

    for (const district of districts) {
      const own = sources.filter(
        s => s.spec.district === `group:${district.metadata.name}`,
      );
      expect(own.length).toBeGreaterThanOrEqual(10);
      expect(own.length).toBeLessThanOrEqual(30);
      expect(own.filter(s => s.spec.type === 'sis')).toHaveLength(1);
      expect(
        district.metadata.annotations?.['datacatalog.k12.dev/data-team'],
      ).toBe(`group:${district.metadata.name}-data-team`);
    }
    for (const source of sources) {
      expect(source.spec.provides!.length).toBeGreaterThanOrEqual(10);
      expect(source.spec.provides!.length).toBeLessThanOrEqual(40);
    }
  });

  it('gives the mix the gap rules need to tell apart', () => {
    const elements = region.filter(isDataElementEntity);
    const subgroups = elements.filter(e => e.spec.subgroup);
    expect(subgroups.map(e => e.metadata.name)).toEqual(
      expect.arrayContaining([
        'disability-status',
        'english-learner-status',
        'economic-disadvantage-status',
        'race-ethnicity',
        'sex',
        'homeless-status',
        'foster-care-status',
        'migrant-status',
      ]),
    );

    const indicators = region.filter(isIndicatorEntity);
    expect(new Set(indicators.map(i => i.spec.stage))).toEqual(
      new Set(INDICATOR_STAGES),
    );
    expect(new Set(indicators.map(i => i.spec.construct))).toEqual(
      new Set(INDICATOR_CONSTRUCTS),
    );

    const provisions = region
      .filter(isDataSourceEntity)
      .flatMap(s => s.spec.provides ?? []);
    const flawed = provisions.filter(p => p.status !== undefined);
    expect(flawed.length / provisions.length).toBeGreaterThan(0.08);
    expect(flawed.length / provisions.length).toBeLessThan(0.2);
    expect(provisions.some(p => p.coverage?.grades)).toBe(true);
  });

  it('gives the same region for the same seed and another for another', () => {
    const refs = (entities: Entity[]) =>
      entities.map(e => stringifyEntityRef(e));
    expect(generateRegion(options)).toEqual(region);
    const other = generateRegion({ ...options, seed: 8 });
    expect(refs(other)).not.toEqual(refs(region));
    expect(other).not.toEqual(region);
  });

  it('refuses sizes that cannot make a valid region', () => {
    expect(() => generateRegion({ sourcesPerDistrict: 1 })).toThrow(RangeError);
    expect(() => generateRegion({ sourcesPerDistrict: [20, 10] })).toThrow(
      RangeError,
    );
    expect(() => generateRegion({ elementCount: 19 })).toThrow(RangeError);
  });

  it('generates the statewide default size quickly enough to benchmark', () => {
    const started = Date.now();
    const statewide = generateRegion();
    expect(groupsOfType(statewide, 'district')).toHaveLength(770);
    expect(statewide.filter(isDataSourceEntity)).toHaveLength(770 * 20 + 37);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
