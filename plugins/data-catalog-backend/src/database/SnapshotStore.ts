import {
  GapSummary,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { Knex } from 'knex';

/** Why a snapshot was taken. */
export type SnapshotCause = 'catalog' | 'annotation' | 'daily';

/** One district's standing at one time. */
export interface GapSnapshot {
  district: string;
  takenAt: string;
  cause: SnapshotCause;
  summary: GapSummary;
  statuses: Record<string, IndicatorStatus>;
}

/** One indicator's change of status in one district. */
export interface StatusChange {
  district: string;
  indicator: string;
  from?: IndicatorStatus;
  to: IndicatorStatus;
  reasons: string[];
  cause: SnapshotCause;
  changedAt: string;
}

type Row = Record<string, any>;

// Rows of up to 8 columns; well under the bind-parameter limits.
const CHUNK = 500;

// A district's statuses are snapshotted again after a day even when they
// did not change, as ProgressService does; a repeat within a day is not.
const REPEAT_AFTER_MS = 24 * 60 * 60 * 1000;

// Serializes the writes of snapshots between replicas on PostgreSQL. Any
// number does: the database is the plugin's own.
const SNAPSHOT_WRITE_LOCK = 4_240_511_017;

/** Keeps gap snapshots and status changes. */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  /** The newest snapshot of each district. */
  async latest(): Promise<Map<string, GapSnapshot>> {
    return latestIn(this.db);
  }

  /**
   * Adds snapshots and changes of status, leaving out what another
   * replica recorded since the caller read {@link SnapshotStore.latest}:
   * a snapshot with the same statuses as its district's newest, taken
   * within a day of it, is dropped with that district's changes, and the
   * other changes start from the newest status. Two replicas that see the
   * same change at once thus record it once.
   */
  async add(snapshots: GapSnapshot[], changes: StatusChange[]): Promise<void> {
    await this.db.transaction(async tx => {
      if (tx.client.config.client === 'pg') {
        await tx.raw('SELECT pg_advisory_xact_lock(?)', [SNAPSHOT_WRITE_LOCK]);
      }
      const news = stillNews(await latestIn(tx), snapshots, changes);

      for (let i = 0; i < news.snapshots.length; i += CHUNK) {
        await tx('dc_gap_snapshots').insert(
          news.snapshots.slice(i, i + CHUNK).map(s => ({
            district_ref: s.district,
            taken_at: s.takenAt,
            cause: s.cause,
            summary: JSON.stringify(s.summary),
            statuses: JSON.stringify(s.statuses),
          })),
        );
      }
      for (let i = 0; i < news.changes.length; i += CHUNK) {
        await tx('dc_status_changes').insert(
          news.changes.slice(i, i + CHUNK).map(c => ({
            district_ref: c.district,
            indicator_ref: c.indicator,
            from_status: c.from ?? null,
            to_status: c.to,
            reasons: JSON.stringify(c.reasons),
            cause: c.cause,
            changed_at: c.changedAt,
          })),
        );
      }
    });
  }

  /** A district's snapshots, oldest first. */
  async series(district: string): Promise<GapSnapshot[]> {
    const rows: Row[] = await this.db('dc_gap_snapshots')
      .where('district_ref', district)
      .orderBy('id');
    return rows.map(toSnapshot);
  }

  /** An indicator's changes of status, oldest first. */
  async changes(filter: {
    indicator: string;
    district?: string;
  }): Promise<StatusChange[]> {
    const query = this.db('dc_status_changes')
      .where('indicator_ref', filter.indicator)
      .orderBy('id');
    if (filter.district) {
      query.where('district_ref', filter.district);
    }
    const rows: Row[] = await query;
    return rows.map(r => ({
      district: r.district_ref,
      indicator: r.indicator_ref,
      from: r.from_status ?? undefined,
      to: r.to_status,
      reasons: JSON.parse(r.reasons),
      cause: r.cause,
      changedAt: r.changed_at,
    }));
  }
}

async function latestIn(db: Knex): Promise<Map<string, GapSnapshot>> {
  const newest = db('dc_gap_snapshots')
    .select('district_ref')
    .max({ id: 'id' })
    .groupBy('district_ref')
    .as('newest');
  const rows: Row[] = await db('dc_gap_snapshots')
    .join(newest, 'dc_gap_snapshots.id', 'newest.id')
    .select('dc_gap_snapshots.*');
  return new Map(rows.map(r => [r.district_ref, toSnapshot(r)]));
}

/**
 * What of a write is still news against each district's newest snapshot,
 * which another replica may have written since the writer read it.
 *
 * TODO(progress-replicas): an indicator that differs from the newest
 * snapshot but not from the one the writer read (another replica's change
 * undone in between) gets no change row, as the writer has no reasons for
 * it; ProgressService could pass what it read so the store can tell.
 */
function stillNews(
  latest: Map<string, GapSnapshot>,
  snapshots: GapSnapshot[],
  changes: StatusChange[],
): { snapshots: GapSnapshot[]; changes: StatusChange[] } {
  const repeated = new Set(
    snapshots
      .filter(s => isRepeat(s, latest.get(s.district)))
      .map(s => s.district),
  );
  return {
    snapshots: snapshots.filter(s => !repeated.has(s.district)),
    changes: changes.flatMap(c => {
      const newest = latest.get(c.district)?.statuses[c.indicator];
      if (repeated.has(c.district) || newest === c.to) {
        return [];
      }
      return [newest ? { ...c, from: newest } : c];
    }),
  };
}

/** Whether `snapshot` only repeats `newest`, the district's last one. */
function isRepeat(snapshot: GapSnapshot, newest?: GapSnapshot): boolean {
  if (!newest) {
    return false;
  }
  const indicators = Object.keys(snapshot.statuses);
  return (
    indicators.length === Object.keys(newest.statuses).length &&
    indicators.every(i => newest.statuses[i] === snapshot.statuses[i]) &&
    Date.parse(snapshot.takenAt) - Date.parse(newest.takenAt) < REPEAT_AFTER_MS
  );
}

function toSnapshot(row: Row): GapSnapshot {
  return {
    district: row.district_ref,
    takenAt: row.taken_at,
    cause: row.cause,
    summary: JSON.parse(row.summary),
    statuses: JSON.parse(row.statuses),
  };
}
