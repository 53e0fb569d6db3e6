import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { LINEAGE_CYCLE_ANNOTATION } from '@internal/plugin-data-catalog-common';
import {
  dataElement,
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { inMemoryLookup } from '../__testUtils__/inMemoryLookup';
import { DataCatalogEntitiesProcessor } from './DataCatalogEntitiesProcessor';

const location: LocationSpec = {
  type: 'file',
  target: '/districts/alder-creek/sis.yaml',
};

function processor(catalogEntities?: Entity[]) {
  return new DataCatalogEntitiesProcessor({
    logger: mockServices.logger.mock(),
    lookup: catalogEntities && inMemoryLookup(catalogEntities),
  });
}

async function postProcess(
  subject: DataCatalogEntitiesProcessor,
  entity: Entity,
) {
  const results: CatalogProcessorResult[] = [];
  const output = await subject.postProcessEntity(entity, location, r =>
    results.push(r),
  );
  const relations = results.flatMap(r =>
    r.type === 'relation'
      ? [
          // The catalog compares kinds case-insensitively when it stitches.
          `${r.relation.source.kind.toLowerCase()}:${r.relation.source.name} ${
            r.relation.type
          } ${r.relation.target.kind.toLowerCase()}:${r.relation.target.name}`,
        ]
      : [],
  );
  const errors = results.flatMap(r =>
    r.type === 'error' ? [r.error.message] : [],
  );
  return { output, relations, errors };
}

function edit(entity: Entity, change: (spec: any) => void): Entity {
  const copy = JSON.parse(JSON.stringify(entity));
  change(copy.spec);
  return copy;
}

describe('DataCatalogEntitiesProcessor', () => {
  describe('validateEntityKind', () => {
    const subject = processor();

    it('accepts a valid entity of each kind', async () => {
      await expect(
        subject.validateEntityKind(dataSource('alder-creek-sis')),
      ).resolves.toBe(true);
      await expect(
        subject.validateEntityKind(dataElement('daily-attendance')),
      ).resolves.toBe(true);
      await expect(
        subject.validateEntityKind(indicator('chronic-absenteeism')),
      ).resolves.toBe(true);
    });

    it('leaves other kinds and apiVersions to other processors', async () => {
      const component = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      };
      await expect(subject.validateEntityKind(component)).resolves.toBe(false);
      await expect(
        subject.validateEntityKind({
          ...dataSource('x'),
          apiVersion: 'backstage.io/v1alpha1',
        }),
      ).resolves.toBe(false);
    });

    it.each([
      [
        'a missing required field',
        dataSource('broken', { district: undefined }),
        'datasource:default/broken spec.district: is required; expected the district group (or the BOCES) it belongs to',
      ],
      [
        'a wrong enum value',
        edit(dataSource('broken'), spec => {
          spec.access.method = 'ftp';
        }),
        'datasource:default/broken spec.access.method: must be one of api, ed-fi-ods, export, manual, none; got "ftp"',
      ],
      [
        'a wrong type',
        dataSource('broken', { linkableByStudentId: 'yes' }),
        'datasource:default/broken spec.linkableByStudentId: must be a boolean; got "yes"',
      ],
      [
        'a malformed reference',
        dataSource('broken', { owner: 'group:' }),
        'datasource:default/broken spec.owner: "group:" is not an entity reference; expected [kind:][namespace/]name',
      ],
      [
        'a reference to the wrong kind',
        edit(dataSource('broken'), spec => {
          spec.provides[0].element = 'datasource:default/other-sis';
        }),
        'datasource:default/broken spec.provides[0].element: "datasource:default/other-sis" refers to a datasource; expected a reference to dataelement',
      ],
      [
        'an unknown field',
        dataSource('broken', { vendorName: 'Example' }),
        'datasource:default/broken spec.vendorName: is not a known field; expected one of type, category',
      ],
      [
        'a bad school year',
        edit(dataSource('broken'), spec => {
          spec.coverage.years = ['2023'];
        }),
        'datasource:default/broken spec.coverage.years[0]: must match pattern',
      ],
      [
        'a field name used twice in one source',
        edit(dataSource('broken'), spec => {
          spec.provides[1].field = 'att_code';
        }),
        'datasource:default/broken spec.provides[1].field: "att_code" is already used by spec.provides[0]',
      ],
      [
        'an indicator that requires nothing',
        indicator('broken', { requires: [] }),
        'indicator:default/broken spec.requires: must NOT have fewer than 1 items; got []',
      ],
      [
        'an element with a malformed CEDS id',
        dataElement('broken', { ceds: { id: 'CEDS-76' } }),
        'dataelement:default/broken spec.ceds.id: must match pattern',
      ],
    ])('rejects %s, naming entity and field', async (_, entity, message) => {
      await expect(subject.validateEntityKind(entity)).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(message),
        }),
      );
    });

    it('reports every problem of an entity at once', async () => {
      const entity = edit(dataSource('broken', { privacy: 'secret' }), spec => {
        spec.access.frequency = 'hourly';
      });
      await expect(subject.validateEntityKind(entity)).rejects.toThrow(
        /spec\.access\.frequency.*; .*spec\.privacy|spec\.privacy.*; .*spec\.access\.frequency/,
      );
    });
  });

  describe('postProcessEntity', () => {
    it('emits both directions of every relation of a source', async () => {
      const upstream = dataSource('alder-creek-platform', { fedBy: [] });
      const source = dataSource('alder-creek-sis', {
        fedBy: [
          {
            source: 'alder-creek-platform',
            elements: ['dataelement:daily-attendance'],
          },
        ],
      });
      const { relations, errors } = await postProcess(
        processor([...referencedEntities(), upstream]),
        source,
      );

      expect(errors).toEqual([]);
      expect(relations.sort()).toEqual(
        [
          'datasource:alder-creek-sis ownedBy group:alder-creek-it',
          'group:alder-creek-it ownerOf datasource:alder-creek-sis',
          'datasource:alder-creek-sis stewardedBy user:ada-quill',
          'user:ada-quill stewardOf datasource:alder-creek-sis',
          'datasource:alder-creek-sis inDistrict group:alder-creek',
          'group:alder-creek districtOf datasource:alder-creek-sis',
          'datasource:alder-creek-sis providesElement dataelement:daily-attendance',
          'dataelement:daily-attendance elementProvidedBy datasource:alder-creek-sis',
          'datasource:alder-creek-sis providesElement dataelement:disability-status',
          'dataelement:disability-status elementProvidedBy datasource:alder-creek-sis',
          'datasource:alder-creek-sis fedBy datasource:alder-creek-platform',
          'datasource:alder-creek-platform feeds datasource:alder-creek-sis',
        ].sort(),
      );
    });

    it('emits requirements of an indicator, subgroup elements included', async () => {
      const { relations } = await postProcess(
        processor(referencedEntities()),
        indicator('chronic-absenteeism'),
      );
      expect(relations.sort()).toEqual(
        [
          'indicator:chronic-absenteeism ownedBy group:northlake-data-services',
          'group:northlake-data-services ownerOf indicator:chronic-absenteeism',
          'indicator:chronic-absenteeism requiresElement dataelement:daily-attendance',
          'dataelement:daily-attendance elementRequiredBy indicator:chronic-absenteeism',
          'indicator:chronic-absenteeism requiresElement dataelement:disability-status',
          'dataelement:disability-status elementRequiredBy indicator:chronic-absenteeism',
        ].sort(),
      );
    });

    it('emits the owner of a data element', async () => {
      const { relations } = await postProcess(
        processor(referencedEntities()),
        dataElement('ela-scale-score'),
      );
      expect(relations.sort()).toEqual([
        'dataelement:ela-scale-score ownedBy group:northlake-data-services',
        'group:northlake-data-services ownerOf dataelement:ela-scale-score',
      ]);
    });

    it('rejects a dangling reference, naming the field and the target', async () => {
      const catalog = referencedEntities().filter(
        e => e.metadata.name !== 'disability-status',
      );
      const { relations, errors } = await postProcess(
        processor(catalog),
        dataSource('alder-creek-sis'),
      );

      expect(relations).toEqual([]);
      expect(errors).toEqual([
        'datasource:default/alder-creek-sis spec.provides[1].element: "disability-status" refers to dataelement:default/disability-status, which is not in the catalog; expected an existing dataelement',
      ]);
    });

    it('does not look references up when the check is off', async () => {
      const { relations, errors } = await postProcess(
        processor(),
        dataSource('alder-creek-sis', { fedBy: [{ source: 'nowhere' }] }),
      );
      expect(errors).toEqual([]);
      expect(relations).toContain(
        'datasource:alder-creek-sis fedBy datasource:nowhere',
      );
    });

    it('accepts a lineage cycle and marks it on the source', async () => {
      const a = dataSource('a', { fedBy: [{ source: 'b' }] });
      const b = dataSource('b', { fedBy: [{ source: 'c' }] });
      const c = dataSource('c', { fedBy: [{ source: 'a' }, { source: 'b' }] });
      const subject = processor([...referencedEntities(), a, b, c]);

      const { output, relations, errors } = await postProcess(subject, a);

      expect(errors).toEqual([]);
      expect(relations).toContain('datasource:a fedBy datasource:b');
      expect(output.metadata.annotations?.[LINEAGE_CYCLE_ANNOTATION]).toBe(
        'datasource:default/a -> datasource:default/b -> datasource:default/c -> datasource:default/a',
      );
    });

    it('clears the cycle mark once the cycle is gone', async () => {
      const a = dataSource('a', { fedBy: [{ source: 'b' }] });
      a.metadata.annotations = {
        [LINEAGE_CYCLE_ANNOTATION]:
          'datasource:default/a -> datasource:default/b',
      };
      const b = dataSource('b', { fedBy: [] });

      const { output } = await postProcess(
        processor([...referencedEntities(), a, b]),
        a,
      );
      expect(output.metadata.annotations).toEqual({});
    });
  });
});
