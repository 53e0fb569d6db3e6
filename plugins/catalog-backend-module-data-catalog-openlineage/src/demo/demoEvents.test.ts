import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  isDataSourceEntity,
  OPENLINEAGE_DATASETS_ANNOTATION,
  RELATION_FED_BY,
  RELATION_FEEDS,
} from '@internal/plugin-data-catalog-common';
import {
  DEMO_CATALOG_ROOT,
  loadDemoCatalog,
} from '@internal/plugin-data-catalog-common/testUtils';
import path from 'node:path';
import { StaticClaims } from '../__testUtils__/claims';
import { relationsOf, startCatalog } from '../__testUtils__/startCatalog';
import { DatabaseLineageStore } from '../database/LineageStore';
import { readEventsFile } from '../events/readEventsFile';
import { ObservedLineage } from '../lineage/ObservedLineage';

jest.setTimeout(240_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const EXAMPLE = path.resolve(
  __dirname,
  '../../examples/northlake-rdw-events.jsonl',
);

describe('the demo events file', () => {
  it('reads cleanly and shows IXL feeding the warehouse', async () => {
    const claims = new StaticClaims([]);
    for (const entity of loadDemoCatalog().filter(isDataSourceEntity)) {
      const value =
        entity.metadata.annotations?.[OPENLINEAGE_DATASETS_ANNOTATION];
      if (value) {
        claims.set(stringifyEntityRef(entity), value);
      }
    }
    const knex = await databases.init('SQLITE_3');
    const lineage = new ObservedLineage({
      store: await DatabaseLineageStore.create(mockServices.database({ knex })),
      claims,
      logger: mockServices.logger.mock(),
    });

    const { events, problems } = await readEventsFile(EXAMPLE);
    const report = await lineage.ingest(events);

    expect(problems).toEqual([]);
    expect(report.lineage).toEqual([
      {
        source: 'datasource:default/northlake-rdw',
        fedBy: ['datasource:default/alder-creek-ixl'],
      },
    ]);
    // Lexia is in the catalog but does not claim its file: reported, not
    // guessed.
    expect(report.datasets.unknown).toEqual([
      {
        namespace: 's3://northlake-rdw-landing',
        name: 'lexia/alder-creek/usage-2026-11-30.csv',
      },
    ]);
  });

  it('gives the demo warehouse its IXL feed in a real catalog', async () => {
    const demo = loadDemoCatalog();
    const warehouse = demo
      .filter(isDataSourceEntity)
      .find(e => e.metadata.name === 'northlake-rdw')!;
    const declared = new Set(
      warehouse.spec.fedBy!.map(f =>
        f.source.replace('datasource:', 'datasource:default/'),
      ),
    );
    const catalog = await startCatalog({
      knex: await databases.init('SQLITE_3'),
      location: path.join(DEMO_CATALOG_ROOT, 'catalog-info.yaml'),
      openLineage: {
        file: EXAMPLE,
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
      },
    });

    try {
      // The root Location and the one the config generates come on top;
      // waiting for all also keeps the stop from cutting processing short.
      expect(await catalog.waitForCount(demo.length + 2)).toBe(demo.length + 2);
      const rdw = await catalog.waitForEntity(
        'datasource:default/northlake-rdw',
        e =>
          relationsOf(e, RELATION_FED_BY).includes(
            'datasource:default/alder-creek-ixl',
          ),
        180_000,
      );

      // The observed feed comes on top of every feed the YAML declares.
      expect(relationsOf(rdw, RELATION_FED_BY)).toEqual(
        [...declared, 'datasource:default/alder-creek-ixl'].sort(),
      );
      expect(
        relationsOf(
          await catalog.entity('datasource:default/alder-creek-ixl'),
          RELATION_FEEDS,
        ),
      ).toContain('datasource:default/northlake-rdw');
    } finally {
      await catalog.stop();
    }
  });
});
