import { DatabaseService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { Dataset, RunEvent } from '../events/runEvent';
import {
  applyMigrations,
  DATASETS_TABLE,
  EDGES_TABLE,
  Knex,
} from './migrations';

/** A dataset some run event named. */
export interface ObservedDataset extends Dataset {
  firstSeenAt: string;
  lastSeenAt: string;
}

/** An input dataset some run read while writing an output dataset. */
export interface ObservedEdge {
  input: Dataset;
  output: Dataset;
  /** The job of the newest run seen to do it. */
  job: { namespace: string; name: string };
  runId: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Keeps what run events reported, across restarts. */
export interface LineageStore {
  /** Adds the events' datasets and edges; seeing one again is harmless. */
  record(events: RunEvent[]): Promise<void>;
  listEdges(): Promise<ObservedEdge[]>;
  listDatasets(): Promise<ObservedDataset[]>;
}

type RawDbDatasetRow = {
  dataset_key: string;
  namespace: string;
  name: string;
  first_seen_at: string;
  last_seen_at: string;
};

type RawDbEdgeRow = {
  edge_key: string;
  input_namespace: string;
  input_name: string;
  output_namespace: string;
  output_name: string;
  job_namespace: string;
  job_name: string;
  run_id: string;
  first_seen_at: string;
  last_seen_at: string;
};

// Stays well under the bind-parameter limits of SQLite and PostgreSQL.
const BATCH_SIZE = 200;

/** The lineage store on the catalog's database, in this module's tables. */
export class DatabaseLineageStore implements LineageStore {
  /** Runs the module's migrations unless the config says to skip them. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseLineageStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await applyMigrations(knex);
    }
    return new DatabaseLineageStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  async record(events: RunEvent[]): Promise<void> {
    const datasets = new Map<string, RawDbDatasetRow>();
    const edges = new Map<string, RawDbEdgeRow>();

    for (const event of events) {
      const seen = event.eventTime;
      for (const dataset of [...event.inputs, ...event.outputs]) {
        const row: RawDbDatasetRow = {
          dataset_key: keyOf([dataset.namespace, dataset.name]),
          namespace: dataset.namespace,
          name: dataset.name,
          first_seen_at: seen,
          last_seen_at: seen,
        };
        datasets.set(
          row.dataset_key,
          merge(datasets.get(row.dataset_key), row),
        );
      }

      for (const input of event.inputs) {
        for (const output of event.outputs) {
          const row: RawDbEdgeRow = {
            edge_key: keyOf([
              input.namespace,
              input.name,
              output.namespace,
              output.name,
            ]),
            input_namespace: input.namespace,
            input_name: input.name,
            output_namespace: output.namespace,
            output_name: output.name,
            job_namespace: event.job.namespace,
            job_name: event.job.name,
            run_id: event.runId,
            first_seen_at: seen,
            last_seen_at: seen,
          };
          edges.set(row.edge_key, merge(edges.get(row.edge_key), row));
        }
      }
    }

    await this.knex.transaction(async tx => {
      await upsert(tx, DATASETS_TABLE, 'dataset_key', [...datasets.values()]);
      await upsert(tx, EDGES_TABLE, 'edge_key', [...edges.values()]);
    });
  }

  async listEdges(): Promise<ObservedEdge[]> {
    const rows: RawDbEdgeRow[] = await this.knex(EDGES_TABLE)
      .select()
      .orderBy('edge_key');
    return rows.map(row => ({
      input: { namespace: row.input_namespace, name: row.input_name },
      output: { namespace: row.output_namespace, name: row.output_name },
      job: { namespace: row.job_namespace, name: row.job_name },
      runId: row.run_id,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
    }));
  }

  async listDatasets(): Promise<ObservedDataset[]> {
    const rows: RawDbDatasetRow[] = await this.knex(DATASETS_TABLE)
      .select()
      .orderBy(['namespace', 'name']);
    return rows.map(row => ({
      namespace: row.namespace,
      name: row.name,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
    }));
  }
}

// A JSON array keeps `a/b` + `c` apart from `a` + `b/c`.
function keyOf(parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Keeps the earliest first sighting and the newest last one; the other
 * columns come from the newest. Events arrive out of order (a file read
 * again, a producer retrying), so neither side is simply the later call.
 */
function merge<T extends { first_seen_at: string; last_seen_at: string }>(
  earlier: T | undefined,
  next: T,
): T {
  if (!earlier) {
    return next;
  }
  const newest = next.last_seen_at >= earlier.last_seen_at ? next : earlier;
  return {
    ...newest,
    first_seen_at:
      next.first_seen_at < earlier.first_seen_at
        ? next.first_seen_at
        : earlier.first_seen_at,
  };
}

async function upsert<
  T extends { first_seen_at: string; last_seen_at: string },
>(tx: Knex, table: string, key: keyof T & string, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const stored: T[] = await tx(table)
      .select()
      .whereIn(
        key,
        batch.map(row => row[key] as string),
      );
    const byKey = new Map(stored.map(row => [row[key], row]));

    await tx(table)
      .insert(batch.map(row => merge(byKey.get(row[key]), row)))
      .onConflict(key)
      .merge();
  }
}
