import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DatabaseKind } from './options';

/** A database opened for one run, and how to get rid of it afterwards. */
export interface BenchDatabase {
  knex: Knex;
  /** The server's version, for the report. */
  version: string;
  /** Closes the connections and deletes the file or database. */
  dispose(): Promise<void>;
}

async function openSqlite(): Promise<BenchDatabase> {
  // A file rather than :memory:, as a real installation would use.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dc-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  const [row] = await knex.raw('select sqlite_version() as version');
  return {
    knex,
    version: `SQLite ${row.version}`,
    async dispose() {
      await knex.destroy();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function openPostgres(url: string): Promise<BenchDatabase> {
  // A database of its own, so that the run never touches anyone's data.
  const name = `dc_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = knexFactory({
    client: 'pg',
    connection: withDatabase(url, 'postgres'),
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw('create database ??', [name]);
  } catch (error) {
    await admin.destroy();
    throw error;
  }
  const knex = knexFactory({
    client: 'pg',
    connection: withDatabase(url, name),
  });
  const dispose = async () => {
    await knex.destroy();
    await admin.raw('drop database if exists ??', [name]);
    await admin.destroy();
  };
  try {
    const { rows } = await knex.raw('show server_version');
    return {
      knex,
      version: `PostgreSQL ${rows[0].server_version}`,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Opens an empty database of the given kind for the run. */
export function openDatabase(
  kind: DatabaseKind,
  pgUrl?: string,
): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    if (!pgUrl) {
      throw new Error('PostgreSQL needs a connection string');
    }
    return openPostgres(pgUrl);
  }
  return openSqlite();
}
