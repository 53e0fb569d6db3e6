import { TestDatabases } from '@backstage/backend-test-utils';
import {
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import fs from 'node:fs';
import { buildReadModel } from '../readModel/buildReadModel';
import { migrationsDir } from './migrations';
import { OwnersStore } from './OwnersStore';
import { DatabaseReadModelStore } from './ReadModelStore';

jest.setTimeout(60_000);

const READ_MODEL = '20261203100000_read_model.js';
const ANNOTATIONS = '20261203110000_annotations_and_actions.js';

// The tables each migration this test knows of adds. Migrations added later
// are still stepped through, up and down, by the same checks.
const ADDS: Record<string, string[]> = {
  [READ_MODEL]: [
    'dc_districts',
    'dc_elements',
    'dc_feeds',
    'dc_indicators',
    'dc_provisions',
    'dc_requirements',
    'dc_sources',
    'dc_state',
  ],
  [ANNOTATIONS]: ['dc_action_items', 'dc_annotations', 'dc_history'],
  '20261204100000_impact_notices.js': ['dc_impact_notices'],
};

const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

const SIS = 'datasource:default/alder-creek-sis';

/** The plugin's tables that exist now, whichever database this is. */
async function dcTables(knex: Knex): Promise<string[]> {
  const names: string[] =
    knex.client.config.client === 'pg'
      ? await knex('information_schema.tables')
          .where('table_schema', knex.raw('current_schema()'))
          .pluck('table_name')
      : await knex('sqlite_master').where('type', 'table').pluck('name');
  return names.filter(name => name.startsWith('dc_')).sort();
}

async function migrateUpOnce(knex: Knex): Promise<void> {
  await knex.migrate.up({ directory: migrationsDir });
}

async function migrateDownOnce(knex: Knex): Promise<void> {
  await knex.migrate.down({ directory: migrationsDir });
}

async function migrateAllTheWayDown(knex: Knex): Promise<void> {
  while (
    (await knex.migrate.currentVersion({ directory: migrationsDir })) !== 'none'
  ) {
    await migrateDownOnce(knex);
  }
}

/** A small model from the shared fixtures: one district, source, indicator. */
function smallModel() {
  return buildReadModel([
    ...referencedEntities(),
    dataSource('alder-creek-sis'),
    indicator('chronic-absenteeism'),
  ]);
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

it('starts with the read model and then the owners tables', () => {
  // Knex applies the files in name order; the checks below rely on the
  // read model coming first.
  expect(migrationFiles.slice(0, 2)).toEqual([READ_MODEL, ANNOTATIONS]);
});

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('creates and drops the tables one migration at a time', async () => {
    const knex = await databases.init(databaseId);
    const before: string[][] = [];

    for (const file of migrationFiles) {
      const tables = await dcTables(knex);
      before.push(tables);

      await migrateUpOnce(knex);
      const after = await dcTables(knex);
      // A migration may add tables or change them, never lose one.
      expect(after).toEqual(expect.arrayContaining(tables));
      // Those this test knows of add exactly their own tables.
      const added = after.filter(table => !tables.includes(table));
      expect(added).toEqual(ADDS[file] ?? added);
    }

    // Each step down leaves exactly the tables there were before its up.
    for (const tables of before.reverse()) {
      await migrateDownOnce(knex);
      expect(await dcTables(knex)).toEqual(tables);
    }
    expect(await dcTables(knex)).toEqual([]);

    await knex.destroy();
  });

  it('keeps the read model across the later migrations', async () => {
    const knex = await databases.init(databaseId);

    // The model as a deployment on the first migration holds it: written
    // by today's store, whose columns later migrations add, and the
    // schema then taken back to the first migration.
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new DatabaseReadModelStore(knex);
    const model = smallModel();
    await store.replace(model, 'before-upgrade');
    await store.markRefreshed(new Date('2026-12-01T06:00:00Z'));
    while (
      (await knex.migrate.currentVersion({ directory: migrationsDir })) !==
      READ_MODEL.split('_')[0]
    ) {
      await migrateDownOnce(knex);
    }
    expect(await dcTables(knex)).toEqual(ADDS[READ_MODEL]);

    await migrateUpOnce(knex);
    expect(await dcTables(knex)).toEqual(
      expect.arrayContaining(ADDS[ANNOTATIONS]),
    );
    const expectState = {
      version: 'before-upgrade',
      refreshedAt: '2026-12-01T06:00:00.000Z',
    };
    expect(await store.getState()).toEqual(expectState);
    expect((await store.getSources()).map(s => s.ref)).toEqual([SIS]);
    expect((await store.getSources())[0].provides).toHaveLength(2);
    expect(await store.listIndicators()).toEqual(model.indicators);
    expect((await store.listDistricts()).map(d => d.name).sort()).toEqual([
      'alder-creek',
      'northlake-boces',
    ]);

    // And across every migration after it.
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await store.getState()).toEqual(expectState);
    expect((await store.getSources()).map(s => s.ref)).toEqual([SIS]);

    // Rolling back to the first migration must not take the model along.
    while (
      (await knex.migrate.currentVersion({ directory: migrationsDir })) !==
      READ_MODEL.split('_')[0]
    ) {
      await migrateDownOnce(knex);
    }
    expect(await dcTables(knex)).toEqual(ADDS[READ_MODEL]);
    expect((await store.getSources()).map(s => s.ref)).toEqual([SIS]);
    expect(await store.getState()).toEqual(expectState);

    await knex.destroy();
  });

  it("keeps every owner's annotation, action item and history entry through later migrations", async () => {
    const knex = await databases.init(databaseId);
    // The schema as it was when annotations and actions arrived.
    await migrateUpOnce(knex);
    await migrateUpOnce(knex);
    expect(
      await knex.migrate.currentVersion({ directory: migrationsDir }),
    ).toBe(ANNOTATIONS.split('_')[0]);

    const owners = new OwnersStore(knex);
    const alder = 'group:default/alder-creek';
    await owners.putAnnotation(
      { kind: 'source', subject: SIS, district: alder },
      {
        version: 0,
        notes: 'Attendance codes changed in 2022',
        lastVerified: '2026-11-30',
        qualityRating: 4,
        corrections: [
          {
            element: 'dataelement:default/foster-care-status',
            status: 'partial',
            reason: 'Recorded only since 2023-24',
          },
        ],
      },
      'user:default/ada-quill',
    );
    await owners.putAnnotation(
      {
        kind: 'indicator',
        subject: 'indicator:default/chronic-absenteeism',
        district: alder,
      },
      { version: 0, notes: 'Half days count as absent' },
      'user:default/ada-quill',
    );
    const item = await owners.createActionItem(
      {
        district: alder,
        indicator: 'indicator:default/chronic-absenteeism',
        element: 'dataelement:default/daily-attendance-status',
        step: 'Turn on period attendance in grades K-5',
        owner: 'group:default/alder-creek-it',
        dueDate: '2027-03-01',
      },
      'user:default/ada-quill',
    );
    await owners.updateActionItem(
      item.id,
      { version: 1, status: 'in-progress' },
      'user:default/kwame-ostrowski',
    );
    const read = async () => ({
      annotations: await owners.listAnnotations(alder),
      actions: await owners.listActionItems(alder),
      history: await owners.listHistory({ limit: 100 }),
      corrections: await owners.listCorrections(),
    });
    const before = await read();
    expect(before.annotations).toHaveLength(2);
    expect(before.history).toHaveLength(4);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await read()).toEqual(before);

    // Down to the owners' schema and up again: the later tables go and
    // come back, the owners' data stays.
    while (
      (await knex.migrate.currentVersion({ directory: migrationsDir })) !==
      ANNOTATIONS.split('_')[0]
    ) {
      await migrateDownOnce(knex);
    }
    expect(await read()).toEqual(before);
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await read()).toEqual(before);

    await knex.destroy();
  });

  it('migrates up again after rolling everything back', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    const allTables = await dcTables(knex);
    await new DatabaseReadModelStore(knex).replace(smallModel(), 'first');

    await migrateAllTheWayDown(knex);
    expect(await dcTables(knex)).toEqual([]);

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await dcTables(knex)).toEqual(allTables);

    // The tables start empty and take writes of both stores again.
    const store = new DatabaseReadModelStore(knex);
    expect(await store.getState()).toBeUndefined();
    expect(await store.getSources()).toEqual([]);
    await store.replace(smallModel(), 'second');
    expect(await store.getState()).toMatchObject({ version: 'second' });

    const owners = new OwnersStore(knex);
    const saved = await owners.putAnnotation(
      { kind: 'source', subject: SIS, district: 'group:default/alder-creek' },
      { version: 0, notes: 'Checked after the reinstall' },
      'user:default/ada-quill',
    );
    expect(saved.version).toBe(1);

    await knex.destroy();
  });
});
