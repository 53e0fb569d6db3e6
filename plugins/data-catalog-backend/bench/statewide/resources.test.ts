import {
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { generateRegion } from '@internal/plugin-data-catalog-common/testUtils';
import { toResourceEntities } from './resources';

describe('toResourceEntities', () => {
  const region = generateRegion({
    seed: 7,
    bocesCount: 1,
    districtCount: 2,
    sourcesPerDistrict: 6,
    elementCount: 30,
    indicatorCount: 5,
  });
  const resources = toResourceEntities(region);

  it('keeps the count and names, and makes valid Resources of our kinds', async () => {
    expect(resources).toHaveLength(region.length);
    expect(resources.map(e => e.metadata.name)).toEqual(
      region.map(e => e.metadata.name),
    );

    // Groups stay as they are; everything else becomes a valid Resource.
    const groups = resources.filter((_, i) => region[i].kind === 'Group');
    const others = resources.filter((_, i) => region[i].kind !== 'Group');
    expect(groups).toEqual(region.filter(e => e.kind === 'Group'));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map(e => e.kind))).toEqual(new Set(['Resource']));
    const checks = await Promise.all(
      others.map(e => resourceEntityV1alpha1Validator.check(e)),
    );
    expect(checks.every(Boolean)).toBe(true);
  });

  it('gives a source one dependency per district, element and feed', () => {
    const source = region.find(e => e.kind === 'DataSource' && e.spec?.fedBy)!;
    const spec = source.spec as {
      district: string;
      provides: Array<{ element: string }>;
      fedBy: Array<{ source: string }>;
    };
    const resource = resources.find(
      e => e.metadata.name === source.metadata.name,
    )!;

    expect(resource.spec?.owner).toBe(
      `group:default/${(source.spec?.owner as string).replace('group:', '')}`,
    );
    expect([...(resource.spec?.dependsOn as string[])].sort()).toEqual(
      [
        `group:default/${spec.district.replace('group:', '')}`,
        ...spec.provides.map(
          p => `resource:default/${p.element.replace('dataelement:', '')}`,
        ),
        ...spec.fedBy.map(
          f => `resource:default/${f.source.replace('datasource:', '')}`,
        ),
      ].sort(),
    );
    // The source's own fields stay, so the entity is as large.
    expect(resource.spec?.provides).toEqual(spec.provides);
    expect(stringifyEntityRef(resource)).toBe(
      `resource:default/${source.metadata.name}`,
    );
  });
});
