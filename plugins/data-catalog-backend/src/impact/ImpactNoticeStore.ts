import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { Knex } from 'knex';
import { ImpactNotice } from './composeNotice';

/** A recorded notice not yet sent. */
export interface PendingNotice {
  key: string;
  recipients: string[];
  payload: NotificationPayload;
  attempts: number;
}

type Row = Record<string, any>;

const TABLE = 'dc_impact_notices';

/**
 * Remembers every impact notice, keyed by its change, and whether it was
 * sent. Sending goes through a claim, so that of two replicas delivering
 * at once only one sends each notice.
 */
export class ImpactNoticeStore {
  constructor(private readonly db: Knex) {}

  /** Records a notice unless its change was recorded already. */
  async record(notice: ImpactNotice, at: Date): Promise<void> {
    await this.db(TABLE)
      .insert({
        change_key: notice.key,
        source_ref: notice.source,
        change: notice.change,
        from_value: notice.from ?? null,
        to_value: notice.to ?? null,
        model_version: notice.modelVersion,
        recipients: JSON.stringify(notice.recipients),
        payload: JSON.stringify(notice.payload),
        detected_at: at.toISOString(),
        attempts: 0,
      })
      .onConflict('change_key')
      .ignore();
  }

  /**
   * Notices not sent yet, those tried least first, so that one that keeps
   * failing does not hold back newer ones.
   */
  async listPending(limit: number): Promise<PendingNotice[]> {
    const rows: Row[] = await this.db(TABLE)
      .whereNull('sent_at')
      .orderBy([
        { column: 'attempts', order: 'asc' },
        { column: 'detected_at', order: 'asc' },
        { column: 'change_key', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(r => ({
      key: r.change_key,
      recipients: JSON.parse(r.recipients),
      payload: JSON.parse(r.payload),
      attempts: r.attempts,
    }));
  }

  /**
   * Takes a notice to send it, unless it was sent or another replica holds
   * it; true if this caller may send it. A claim left by a replica that
   * stopped expires at `until`.
   */
  async claim(key: string, now: Date, until: Date): Promise<boolean> {
    const updated = await this.db(TABLE)
      .where('change_key', key)
      .whereNull('sent_at')
      .where(q =>
        q
          .whereNull('claimed_until')
          .orWhere('claimed_until', '<', now.toISOString()),
      )
      .update({
        claimed_until: until.toISOString(),
        attempts: this.db.raw('attempts + 1'),
      });
    return updated === 1;
  }

  async markSent(key: string, at: Date): Promise<void> {
    await this.db(TABLE).where('change_key', key).update({
      sent_at: at.toISOString(),
      claimed_until: null,
      last_error: null,
    });
  }

  /** Releases the claim, so that the next delivery tries again. */
  async markFailed(key: string, error: Error): Promise<void> {
    await this.db(TABLE)
      .where('change_key', key)
      .update({
        claimed_until: null,
        last_error: error.message.slice(0, 1000),
      });
  }
}
