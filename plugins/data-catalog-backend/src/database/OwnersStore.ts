import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  ActionStatus,
  Annotation,
  AnnotationFields,
  AvailabilityCorrection,
  ElementCorrection,
  HistoryEntry,
} from '@internal/plugin-data-catalog-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

type Row = Record<string, any>;

/** Which annotation: on a source, or on an indicator in one district. */
export interface AnnotationKey {
  kind: 'source' | 'indicator';
  subject: string;
  district: string;
}

/** A write of an annotation, carrying the version it was based on. */
export interface AnnotationWrite extends AnnotationFields {
  version: number;
  corrections?: ElementCorrection[];
}

/** A new action item. */
export type NewActionItem = Pick<
  ActionItem,
  'district' | 'indicator' | 'element' | 'step' | 'owner' | 'dueDate'
> & { status?: ActionStatus };

/** A change to an action item, carrying the version it was based on. */
export type ActionItemChange = Partial<
  Pick<ActionItem, 'step' | 'owner' | 'dueDate' | 'status'>
> & { version: number };

function keyOf(key: AnnotationKey): string {
  return key.kind === 'source'
    ? `source:${key.subject}`
    : `indicator:${key.subject}@${key.district}`;
}

function toAnnotation(row: Row): Annotation {
  return {
    kind: row.subject_kind,
    subject: row.subject_ref,
    district: row.district_ref,
    notes: row.notes ?? undefined,
    lastVerified: row.last_verified ?? undefined,
    qualityRating: row.quality_rating ?? undefined,
    corrections: JSON.parse(row.corrections),
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function toActionItem(row: Row): ActionItem {
  return {
    id: row.id,
    district: row.district_ref,
    indicator: row.indicator_ref,
    element: row.element_ref ?? undefined,
    step: row.step,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/**
 * Stores what owners enter in the portal. Every write is checked against the
 * version the writer read and recorded in the history in the same
 * transaction, so a stale write overwrites nothing and no change goes
 * unrecorded, whichever replica serves it.
 */
export class OwnersStore {
  constructor(private readonly db: Knex) {}

  async getAnnotation(key: AnnotationKey): Promise<Annotation> {
    const row = await this.db('dc_annotations')
      .where('subject_key', keyOf(key))
      .first();
    return row ? toAnnotation(row) : { ...key, corrections: [], version: 0 };
  }

  async listAnnotations(district: string): Promise<Annotation[]> {
    const rows: Row[] = await this.db('dc_annotations')
      .where('district_ref', district)
      .orderBy('subject_key');
    return rows.map(toAnnotation);
  }

  async putAnnotation(
    key: AnnotationKey,
    write: AnnotationWrite,
    by: string,
  ): Promise<Annotation> {
    return this.db.transaction(async tx => {
      const subjectKey = keyOf(key);
      const existing: Row | undefined = await tx('dc_annotations')
        .where('subject_key', subjectKey)
        .first();
      const current = existing?.version ?? 0;
      if (current !== write.version) {
        throw staleWrite('annotation', key.subject, write.version, existing);
      }

      const now = new Date().toISOString();
      const row = {
        subject_key: subjectKey,
        subject_kind: key.kind,
        subject_ref: key.subject,
        district_ref: key.district,
        notes: write.notes ?? null,
        last_verified: write.lastVerified ?? null,
        quality_rating: write.qualityRating ?? null,
        corrections: JSON.stringify(write.corrections ?? []),
        version: current + 1,
        updated_by: by,
        updated_at: now,
      };

      if (existing) {
        // The version condition makes a concurrent writer that read the
        // same version lose, even on another replica.
        const updated = await tx('dc_annotations')
          .where({ subject_key: subjectKey, version: current })
          .update(row);
        if (updated !== 1) {
          throw staleWrite('annotation', key.subject, write.version);
        }
      } else {
        await insertOrConflict(tx, 'dc_annotations', row, () =>
          staleWrite('annotation', key.subject, write.version),
        );
      }

      const after = toAnnotation(row);
      await record(tx, {
        subjectType: 'annotation',
        subjectId: subjectKey,
        district: key.district,
        before: existing ? toAnnotation(existing) : undefined,
        after,
        by,
        at: now,
      });
      return after;
    });
  }

  async listActionItems(district: string): Promise<ActionItem[]> {
    const rows: Row[] = await this.db('dc_action_items')
      .where('district_ref', district)
      .orderBy([
        { column: 'due_date', order: 'asc' },
        { column: 'created_at', order: 'asc' },
      ]);
    return rows.map(toActionItem);
  }

  async getActionItem(id: string): Promise<ActionItem> {
    const row = await this.db('dc_action_items').where('id', id).first();
    if (!row) {
      throw new NotFoundError(`No action item ${id}`);
    }
    return toActionItem(row);
  }

  async createActionItem(item: NewActionItem, by: string): Promise<ActionItem> {
    return this.db.transaction(async tx => {
      const now = new Date().toISOString();
      const row = {
        id: randomUUID(),
        district_ref: item.district,
        indicator_ref: item.indicator,
        element_ref: item.element ?? null,
        step: item.step,
        owner: item.owner,
        due_date: item.dueDate,
        status: item.status ?? 'planned',
        version: 1,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      };
      await tx('dc_action_items').insert(row);

      const after = toActionItem(row);
      await record(tx, {
        subjectType: 'action',
        subjectId: row.id,
        district: item.district,
        after,
        by,
        at: now,
      });
      return after;
    });
  }

  async updateActionItem(
    id: string,
    change: ActionItemChange,
    by: string,
  ): Promise<ActionItem> {
    return this.db.transaction(async tx => {
      const existing: Row | undefined = await tx('dc_action_items')
        .where('id', id)
        .first();
      if (!existing) {
        throw new NotFoundError(`No action item ${id}`);
      }
      if (existing.version !== change.version) {
        throw staleWrite('action item', id, change.version, existing);
      }

      const now = new Date().toISOString();
      const fields = {
        ...(change.step !== undefined && { step: change.step }),
        ...(change.owner !== undefined && { owner: change.owner }),
        ...(change.dueDate !== undefined && { due_date: change.dueDate }),
        ...(change.status !== undefined && { status: change.status }),
        version: existing.version + 1,
        updated_by: by,
        updated_at: now,
      };
      const updated = await tx('dc_action_items')
        .where({ id, version: existing.version })
        .update(fields);
      if (updated !== 1) {
        throw staleWrite('action item', id, change.version);
      }

      const after = toActionItem({ ...existing, ...fields });
      await record(tx, {
        subjectType: 'action',
        subjectId: id,
        district: existing.district_ref,
        before: toActionItem(existing),
        after,
        by,
        at: now,
      });
      return after;
    });
  }

  async listHistory(filter: {
    subjectType?: HistoryEntry['subjectType'];
    subjectId?: string;
    district?: string;
    limit: number;
  }): Promise<HistoryEntry[]> {
    const query = this.db('dc_history')
      .orderBy('id', 'desc')
      .limit(filter.limit);
    if (filter.subjectType) {
      query.where('subject_type', filter.subjectType);
    }
    if (filter.subjectId) {
      query.where('subject_id', filter.subjectId);
    }
    if (filter.district) {
      query.where('district_ref', filter.district);
    }
    const rows: Row[] = await query;
    return rows.map(r => ({
      id: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      district: r.district_ref,
      change: r.change,
      before: r.before ? JSON.parse(r.before) : undefined,
      after: JSON.parse(r.after),
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }));
  }

  /** Every correction, as the gap rules take them, with its district. */
  async listCorrections(): Promise<
    Array<AvailabilityCorrection & { district: string }>
  > {
    const rows: Row[] = await this.db('dc_annotations')
      .where('subject_kind', 'source')
      .whereNot('corrections', '[]')
      .select(
        'subject_ref',
        'district_ref',
        'corrections',
        'updated_by',
        'updated_at',
      );
    return rows.flatMap(row =>
      (JSON.parse(row.corrections) as ElementCorrection[]).map(c => ({
        district: row.district_ref,
        source: row.subject_ref,
        element: c.element,
        status: c.status,
        reason: c.reason,
        by: row.updated_by,
        at: row.updated_at,
      })),
    );
  }
}

function staleWrite(
  what: string,
  subject: string,
  sent: number,
  current?: Row,
): ConflictError {
  const by = current
    ? ` It is at version ${current.version}, changed by ${current.updated_by} at ${current.updated_at}.`
    : '';
  return new ConflictError(
    `The ${what} on ${subject} changed since version ${sent} was read; nothing was saved.${by} Read it again and reapply your change.`,
  );
}

async function insertOrConflict(
  tx: Knex.Transaction,
  table: string,
  row: Row,
  conflict: () => Error,
): Promise<void> {
  try {
    await tx(table).insert(row);
  } catch (error) {
    // Two first writes raced; the primary key let only one in.
    if (/unique|primary key|constraint/i.test(String(error))) {
      throw conflict();
    }
    throw error;
  }
}

async function record(
  tx: Knex.Transaction,
  entry: {
    subjectType: HistoryEntry['subjectType'];
    subjectId: string;
    district: string;
    before?: unknown;
    after: unknown;
    by: string;
    at: string;
  },
): Promise<void> {
  await tx('dc_history').insert({
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    district_ref: entry.district,
    change: entry.before ? 'update' : 'create',
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: JSON.stringify(entry.after),
    changed_by: entry.by,
    changed_at: entry.at,
  });
}
