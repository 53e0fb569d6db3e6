import { IndicatorStatus } from '@internal/plugin-data-catalog-common';
import { Knex } from 'knex';

/** A district's statuses and the signature of what they were computed from. */
export interface StoredStatuses {
  district: string;
  signature: string;
  /** Indicator reference to status. */
  statuses: Record<string, IndicatorStatus>;
}

// Keeps IN lists and multi-row inserts under the bind-parameter limits.
const CHUNK = 200;

/**
 * The statuses each district's gap answer last had, shared by every
 * backend replica on the database. A row is valid only while its
 * signature matches what the district's answer depends on now, so stale
 * rows are harmless and are overwritten when recomputed.
 */
export class GapStatusStore {
  constructor(private readonly db: Knex) {}

  async read(districts: string[]): Promise<Map<string, StoredStatuses>> {
    const found = new Map<string, StoredStatuses>();
    for (let i = 0; i < districts.length; i += CHUNK) {
      const rows = await this.db('dc_gap_statuses')
        .select('district_ref', 'signature', 'statuses')
        .whereIn('district_ref', districts.slice(i, i + CHUNK));
      for (const row of rows) {
        found.set(row.district_ref, {
          district: row.district_ref,
          signature: row.signature,
          statuses: JSON.parse(row.statuses),
        });
      }
    }
    return found;
  }

  async write(rows: StoredStatuses[], at: Date = new Date()): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db('dc_gap_statuses')
        .insert(
          rows.slice(i, i + CHUNK).map(row => ({
            district_ref: row.district,
            signature: row.signature,
            statuses: JSON.stringify(row.statuses),
            computed_at: at.toISOString(),
          })),
        )
        .onConflict('district_ref')
        .merge();
    }
  }
}
