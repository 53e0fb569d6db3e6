import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The folder of this package's knex migrations. */
export const migrationsDir = resolvePackagePath(
  '@internal/plugin-data-catalog-backend',
  'migrations',
);

/** Brings the plugin's database up to the newest schema. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}
