import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { LANDING, ODS, runEvent } from '../__testUtils__/events';
import { parseRunEvent } from '../events/runEvent';
import { DatabaseLineageStore } from './LineageStore';
import {
  applyNextMigration,
  DATASETS_TABLE,
  EDGES_TABLE,
  rollBackOneMigration,
} from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const usage = { namespace: LANDING, name: 'ixl/alder-creek/usage.csv' };
const platformUsage = { namespace: ODS, name: 'EdFi_Ods.rdw.PlatformUsage' };

function event(eventTime: string, runId: string, jobName = 'nightly.load') {
  return parseRunEvent(
    runEvent({
      eventTime,
      run: { runId },
      job: { namespace: 'northlake-rdw', name: jobName },
    }),
  );
}

describe.each(databases.eachSupportedId())('on %p', databaseId => {
  async function freshStore() {
    const knex = await databases.init(databaseId);
    const store = await DatabaseLineageStore.create(
      mockServices.database({ knex }),
    );
    return { knex, store };
  }

  it('keeps edges and datasets for a store opened later', async () => {
    const { knex, store } = await freshStore();

    await store.record([
      event('2026-12-03T02:15:00.000Z', '0193a1c2-5d4e-7f00-8a00-000000000001'),
    ]);
    const reopened = await DatabaseLineageStore.create(
      mockServices.database({ knex }),
    );

    expect(await reopened.listEdges()).toEqual([
      {
        input: usage,
        output: platformUsage,
        job: { namespace: 'northlake-rdw', name: 'nightly.load' },
        runId: '0193a1c2-5d4e-7f00-8a00-000000000001',
        firstSeenAt: '2026-12-03T02:15:00.000Z',
        lastSeenAt: '2026-12-03T02:15:00.000Z',
      },
    ]);
    expect(await reopened.listDatasets()).toEqual([
      {
        ...platformUsage,
        firstSeenAt: '2026-12-03T02:15:00.000Z',
        lastSeenAt: '2026-12-03T02:15:00.000Z',
      },
      {
        ...usage,
        firstSeenAt: '2026-12-03T02:15:00.000Z',
        lastSeenAt: '2026-12-03T02:15:00.000Z',
      },
    ]);
  });

  it('records an edge seen again once, with its first and newest sighting', async () => {
    const { store } = await freshStore();

    await store.record([
      event('2026-12-02T02:15:00.000Z', '0193a1c2-5d4e-7f00-8a00-000000000002'),
    ]);
    // An older event arriving later, as when a file is read again.
    await store.record([
      event('2026-12-01T02:15:00.000Z', '0193a1c2-5d4e-7f00-8a00-000000000001'),
      event(
        '2026-12-03T02:15:00.000Z',
        '0193a1c2-5d4e-7f00-8a00-000000000003',
        'nightly.load_v2',
      ),
    ]);

    expect(await store.listEdges()).toEqual([
      expect.objectContaining({
        job: { namespace: 'northlake-rdw', name: 'nightly.load_v2' },
        runId: '0193a1c2-5d4e-7f00-8a00-000000000003',
        firstSeenAt: '2026-12-01T02:15:00.000Z',
        lastSeenAt: '2026-12-03T02:15:00.000Z',
      }),
    ]);
    expect(await store.listDatasets()).toHaveLength(2);
  });

  it('keeps names that differ only where namespace and name meet apart', async () => {
    const { store } = await freshStore();

    await store.record([
      parseRunEvent(
        runEvent({
          inputs: [
            { namespace: 's3://bucket/a', name: 'b' },
            { namespace: 's3://bucket', name: 'a/b' },
          ],
          outputs: [{ namespace: ODS, name: 'x'.repeat(1000) }],
        }),
      ),
    ]);

    expect(await store.listEdges()).toHaveLength(2);
    expect(await store.listDatasets()).toHaveLength(3);
  });

  it('steps its migrations down and up again', async () => {
    const { knex, store } = await freshStore();
    await store.record([
      event('2026-12-03T02:15:00.000Z', '0193a1c2-5d4e-7f00-8a00-000000000001'),
    ]);

    await rollBackOneMigration(knex);
    expect(await knex.schema.hasTable(EDGES_TABLE)).toBe(false);
    expect(await knex.schema.hasTable(DATASETS_TABLE)).toBe(false);
    // The catalog's own migration log is not this module's.
    expect(await knex.schema.hasTable('knex_migrations')).toBe(false);

    await applyNextMigration(knex);
    expect(await store.listEdges()).toEqual([]);
  });

  it('leaves the tables alone when migrations are skipped', async () => {
    const knex = await databases.init(databaseId);
    const database = {
      ...mockServices.database({ knex }),
      migrations: { skip: true },
    };

    await DatabaseLineageStore.create(database);

    expect(await knex.schema.hasTable(EDGES_TABLE)).toBe(false);
  });
});
