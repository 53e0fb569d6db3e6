import { DatabaseService } from '@backstage/backend-plugin-api';

/** The knex client the database service hands out. */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/**
 * Every table of this module starts with this. The module shares the
 * catalog's database, so the prefix keeps its tables apart from the
 * catalog's own and from other modules'.
 */
export const TABLE_PREFIX = 'data_catalog_openlineage_';

export const DATASETS_TABLE = `${TABLE_PREFIX}datasets`;
export const EDGES_TABLE = `${TABLE_PREFIX}edges`;

// Knex's own bookkeeping, named apart from the catalog's `knex_migrations`
// so that neither side mistakes the other's migrations for missing files.
const MIGRATIONS_TABLE = `${TABLE_PREFIX}knex_migrations`;

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// The migrations live in code rather than in a folder of files: a module
// bundled into the backend has no package folder of its own to read.
const migrations: Migration[] = [
  {
    name: '20261204000000_init',
    async up(knex) {
      // Every dataset a run event named, matched or not, so that the ones
      // no DataSource claims can be listed.
      // Keys are hashes of the identifiers: a long dataset name would not
      // fit in a PostgreSQL index entry.
      await knex.schema.createTable(DATASETS_TABLE, table => {
        table.string('dataset_key', 64).primary();
        table.text('namespace').notNullable();
        table.text('name').notNullable();
        table.string('first_seen_at').notNullable();
        table.string('last_seen_at').notNullable();
      });

      // Dataset to dataset, as events report them; which DataSources the
      // ends are is decided when read, so that a source annotated later
      // still gets the lineage seen before.
      await knex.schema.createTable(EDGES_TABLE, table => {
        table.string('edge_key', 64).primary();
        table.text('input_namespace').notNullable();
        table.text('input_name').notNullable();
        table.text('output_namespace').notNullable();
        table.text('output_name').notNullable();
        table.text('job_namespace').notNullable();
        table.text('job_name').notNullable();
        table.string('run_id').notNullable();
        table.string('first_seen_at').notNullable();
        table.string('last_seen_at').notNullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable(EDGES_TABLE);
      await knex.schema.dropTable(DATASETS_TABLE);
    },
  },
];

const migrationSource = {
  async getMigrations() {
    return migrations;
  },
  getMigrationName(migration: Migration) {
    return migration.name;
  },
  async getMigration(migration: Migration) {
    return migration;
  },
};

const options = {
  migrationSource,
  tableName: MIGRATIONS_TABLE,
};

/** Brings this module's tables up to the newest schema. */
export async function applyMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest(options);
}

/** Undoes the newest migration; for the migration tests. */
export async function rollBackOneMigration(knex: Knex): Promise<void> {
  await knex.migrate.down(options);
}

/** Applies the next pending migration; for the migration tests. */
export async function applyNextMigration(knex: Knex): Promise<void> {
  await knex.migrate.up(options);
}
