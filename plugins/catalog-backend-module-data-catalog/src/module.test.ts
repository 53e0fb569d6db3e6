import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isDataSourceEntity,
  isIndicatorEntity,
  LINEAGE_CYCLE_ANNOTATION,
} from '@internal/plugin-data-catalog-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  dataElement,
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { startCatalog } from './__testUtils__/startCatalog';
import {
  DEMO_CATALOG_ROOT,
  loadCatalogTree,
} from '@internal/plugin-data-catalog-common/testUtils';

jest.setTimeout(240_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function countByKind(entities: Entity[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of entities) {
    counts[entity.kind] = (counts[entity.kind] ?? 0) + 1;
  }
  return counts;
}

function relationsOf(entity: Entity | undefined, type: string): string[] {
  return (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}

describe.each(databases.eachSupportedId())(
  'the catalog with the data catalog module, on %p',
  databaseId => {
    it('loads the whole demo region with its relations', async () => {
      const expected = loadCatalogTree(
        path.join(DEMO_CATALOG_ROOT, 'catalog-info'),
      ).map(l => l.entity);
      const catalog = await startCatalog({
        databases,
        databaseId,
        location: path.join(DEMO_CATALOG_ROOT, 'catalog-info.yaml'),
      });

      try {
        // The root Location and the one the config generates come on top.
        const served = await catalog.waitForEntities(expected.length + 2);

        expect(await catalog.processingErrors()).toEqual({});
        expect(countByKind(served)).toEqual({
          ...countByKind(expected),
          Location: 2,
        });

        const byRef = new Map(served.map(e => [stringifyEntityRef(e), e]));
        const sources = expected.filter(isDataSourceEntity);
        const warehouse = sources.find(s => s.spec.type === 'warehouse')!;
        const servedWarehouse = byRef.get(stringifyEntityRef(warehouse));
        expect(relationsOf(servedWarehouse, 'fedBy')).toHaveLength(
          new Set(warehouse.spec.fedBy!.map(f => f.source)).size,
        );
        const sis = sources.find(s => s.spec.type === 'sis')!;
        expect(
          relationsOf(byRef.get(stringifyEntityRef(sis)), 'feeds'),
        ).toContain(stringifyEntityRef(warehouse));

        const measure = expected.filter(isIndicatorEntity)[0];
        const required = new Set([
          ...measure.spec.requires,
          ...(measure.spec.disaggregateBy ?? []),
        ]);
        expect(
          relationsOf(
            byRef.get(stringifyEntityRef(measure)),
            'requiresElement',
          ),
        ).toHaveLength(required.size);

        const district = served.find(
          e => e.kind === 'Group' && e.spec?.type === 'district',
        )!;
        expect(relationsOf(district, 'districtOf')).toEqual(
          sources
            .filter(
              s =>
                s.spec.district.endsWith(`:${district.metadata.name}`) ||
                s.spec.district === district.metadata.name,
            )
            .map(s => stringifyEntityRef(s))
            .sort(),
        );
      } finally {
        await catalog.stop();
      }
    });

    it('rejects bad entities with a clear error and loads the rest', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-'));
      const good = [
        ...referencedEntities(),
        dataSource('alder-creek-sis'),
        indicator('chronic-absenteeism'),
        dataSource('loop-a', { fedBy: [{ source: 'loop-b' }] }),
        dataSource('loop-b', { fedBy: [{ source: 'loop-a' }] }),
      ];
      const bad = [
        dataSource('missing-district', { district: undefined }),
        dataSource('wrong-enum', { lifecycle: 'sunset' }),
        dataSource('malformed-ref', { owner: 'group:' }),
        dataSource('dangling-ref', {
          provides: [{ element: 'dataelement:no-such-element', field: 'X' }],
        }),
        dataElement('unknown-field', { colour: 'blue' }),
      ];
      const file = path.join(dir, 'catalog-info.yaml');
      fs.writeFileSync(
        file,
        [...good, ...bad]
          .map(e => stringify(JSON.parse(JSON.stringify(e))))
          .join('---\n'),
      );

      const catalog = await startCatalog({
        databases,
        databaseId,
        location: file,
      });
      try {
        const served = await catalog.waitForEntities(good.length + 1);
        // Give the rejected ones a chance to slip in, had they been let in.
        await new Promise(resolve => setTimeout(resolve, 3000));
        const names = (await catalog.entities()).map(e => e.metadata.name);

        expect(names.sort()).toEqual(
          [
            ...good.map(e => e.metadata.name),
            ...served
              .filter(e => e.kind === 'Location')
              .map(e => e.metadata.name),
          ].sort(),
        );

        const errors = await catalog.processingErrors();
        expect(Object.keys(errors).sort()).toEqual(
          [
            'datasource:default/dangling-ref',
            'datasource:default/malformed-ref',
            'datasource:default/missing-district',
            'datasource:default/wrong-enum',
            'dataelement:default/unknown-field',
          ].sort(),
        );
        expect(errors['datasource:default/missing-district'].join()).toContain(
          'spec.district: is required',
        );
        expect(errors['datasource:default/wrong-enum'].join()).toContain(
          'spec.lifecycle: must be one of planned, production, deprecated, retired; got "sunset"',
        );
        expect(errors['datasource:default/malformed-ref'].join()).toContain(
          'spec.owner: "group:" is not an entity reference',
        );
        expect(errors['datasource:default/dangling-ref'].join()).toContain(
          'spec.provides[0].element: "dataelement:no-such-element" refers to dataelement:default/no-such-element, which is not in the catalog',
        );
        expect(errors['dataelement:default/unknown-field'].join()).toContain(
          'spec.colour: is not a known field',
        );

        const loopA = (await catalog.entities()).find(
          e => e.metadata.name === 'loop-a',
        );
        expect(relationsOf(loopA, 'fedBy')).toEqual([
          'datasource:default/loop-b',
        ]);
        expect(relationsOf(loopA, 'feeds')).toEqual([
          'datasource:default/loop-b',
        ]);
        expect(loopA?.metadata.annotations?.[LINEAGE_CYCLE_ANNOTATION]).toBe(
          'datasource:default/loop-a -> datasource:default/loop-b -> datasource:default/loop-a',
        );
      } finally {
        await catalog.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
