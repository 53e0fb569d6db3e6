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

/** Keeps gap snapshots and status changes. */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  /** The newest snapshot of each district. */
  async latest(): Promise<Map<string, GapSnapshot>> {
    const newest = this.db('dc_gap_snapshots')
      .select('district_ref')
      .max({ id: 'id' })
      .groupBy('district_ref')
      .as('newest');
    const rows: Row[] = await this.db('dc_gap_snapshots')
      .join(newest, 'dc_gap_snapshots.id', 'newest.id')
      .select('dc_gap_snapshots.*');
    return new Map(rows.map(r => [r.district_ref, toSnapshot(r)]));
  }

  async add(snapshots: GapSnapshot[], changes: StatusChange[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < snapshots.length; i += CHUNK) {
        await tx('dc_gap_snapshots').insert(
          snapshots.slice(i, i + CHUNK).map(s => ({
            district_ref: s.district,
            taken_at: s.takenAt,
            cause: s.cause,
            summary: JSON.stringify(s.summary),
            statuses: JSON.stringify(s.statuses),
          })),
        );
      }
      for (let i = 0; i < changes.length; i += CHUNK) {
        await tx('dc_status_changes').insert(
          changes.slice(i, i + CHUNK).map(c => ({
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

function toSnapshot(row: Row): GapSnapshot {
  return {
    district: row.district_ref,
    takenAt: row.taken_at,
    cause: row.cause,
    summary: JSON.parse(row.summary),
    statuses: JSON.parse(row.statuses),
  };
}
