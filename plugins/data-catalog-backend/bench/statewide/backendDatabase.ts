import knexFactory from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseKind } from '../options';
import { BackendChoices } from './backendConfig';

/** Where one backend of the run keeps its data, and how to remove it. */
export interface BackendDatabase {
  settings: BackendChoices['database'];
  /** Deletes the files or databases, once the backend has stopped. */
  dispose(): Promise<void>;
}

let runs = 0;

function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

/**
 * A fresh database for one backend: a temporary folder of SQLite files
 * (one per plugin, as a real installation has), or on PostgreSQL a prefix
 * of its own for the databases the backend creates per plugin.
 */
export async function backendDatabase(
  kind: DatabaseKind,
  pgUrl?: string,
): Promise<BackendDatabase> {
  if (kind === 'sqlite') {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'dc-statewide-'));
    return {
      settings: { client: 'better-sqlite3', directory },
      dispose: () => fs.rm(directory, { recursive: true, force: true }),
    };
  }

  if (!pgUrl) {
    throw new Error('PostgreSQL needs a connection string');
  }
  runs += 1;
  const prefix = `dc_statewide_${process.pid}_${runs}_`;
  return {
    settings: { client: 'pg', connection: pgUrl, prefix },
    async dispose() {
      const admin = knexFactory({
        client: 'pg',
        connection: adminUrl(pgUrl),
        pool: { min: 0, max: 1 },
      });
      try {
        const { rows } = await admin.raw(
          'select datname from pg_database where starts_with(datname, ?)',
          [prefix],
        );
        for (const { datname } of rows) {
          await admin.raw('drop database if exists ?? with (force)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}
