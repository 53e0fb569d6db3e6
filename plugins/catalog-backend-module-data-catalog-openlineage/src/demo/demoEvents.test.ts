import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  isDataSourceEntity,
  OPENLINEAGE_DATASETS_ANNOTATION,
} from '@internal/plugin-data-catalog-common';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import path from 'node:path';
import { StaticClaims } from '../__testUtils__/claims';
import { DatabaseLineageStore } from '../database/LineageStore';
import { readEventsFile } from '../events/readEventsFile';
import { ObservedLineage } from '../lineage/ObservedLineage';

jest.setTimeout(60_000);

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
});
