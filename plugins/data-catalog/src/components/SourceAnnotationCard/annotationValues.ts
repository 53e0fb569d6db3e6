import {
  Annotation,
  ElementCorrection,
} from '@internal/plugin-data-catalog-common';
import { SourceAnnotationWrite } from '../../api';

/** The words for each quality rating, so a number never stands alone. */
export const RATING_LABELS: Record<number, string> = {
  1: 'poor',
  2: 'fair',
  3: 'good',
  4: 'very good',
  5: 'excellent',
};

/** The words for each correction status. */
export const CORRECTION_STATUS_LABELS: Record<
  ElementCorrection['status'],
  string
> = {
  partial: 'partly usable',
  unusable: 'unusable',
};

/** A rating in words, `4 of 5 (very good)`. */
export function ratingText(rating: number): string {
  return `${rating} of 5 (${RATING_LABELS[rating] ?? 'unknown'})`;
}

/** One correction row of the form; `key` keeps React rows stable. */
export interface CorrectionDraft {
  key: number;
  element: string;
  status: ElementCorrection['status'];
  reason: string;
}

/** What the edit form holds, as text fields hold it. */
export interface FormValues {
  notes: string;
  /** `YYYY-MM-DD`, or empty. */
  lastVerified: string;
  /** 1 to 5, or empty for no rating. */
  qualityRating: string;
  corrections: CorrectionDraft[];
}

let nextKey = 1;

/** A fresh key for a correction row. */
export function newRowKey(): number {
  return nextKey++;
}

/** The form's starting values for an annotation. */
export function formValues(annotation: Annotation): FormValues {
  return {
    notes: annotation.notes ?? '',
    lastVerified: annotation.lastVerified ?? '',
    qualityRating: annotation.qualityRating
      ? String(annotation.qualityRating)
      : '',
    corrections: annotation.corrections.map(correction => ({
      key: newRowKey(),
      ...correction,
    })),
  };
}

/**
 * The write for the form's values. Empty fields are left out, which the
 * backend stores as cleared; corrections are always sent so that removing
 * the last one clears them.
 */
export function toWrite(
  values: FormValues,
  version: number,
): SourceAnnotationWrite {
  const notes = values.notes.trim();
  return {
    version,
    ...(notes && { notes }),
    ...(values.lastVerified && { lastVerified: values.lastVerified }),
    ...(values.qualityRating && {
      qualityRating: Number(values.qualityRating),
    }),
    corrections: values.corrections.map(({ element, status, reason }) => ({
      element,
      status,
      reason: reason.trim(),
    })),
  };
}

/** Problems of each correction row by key, to show beside its fields. */
export type CorrectionProblems = Record<
  number,
  { element?: string; reason?: string }
>;

/** What must be fixed before the form can be saved; empty when nothing. */
export function validate(values: FormValues): CorrectionProblems {
  const problems: CorrectionProblems = {};
  const seen = new Set<string>();

  for (const row of values.corrections) {
    const problem: { element?: string; reason?: string } = {};
    if (!row.element) {
      problem.element = 'Choose the element to correct';
    } else if (seen.has(row.element)) {
      problem.element = 'This element is corrected in another row already';
    }
    if (!row.reason.trim()) {
      problem.reason = 'Say why, so others can judge the correction';
    }
    seen.add(row.element);
    if (problem.element || problem.reason) {
      problems[row.key] = problem;
    }
  }
  return problems;
}

type Fields = Partial<
  Pick<Annotation, 'notes' | 'lastVerified' | 'qualityRating' | 'corrections'>
>;

/**
 * What one history entry changed, in short phrases: compares the fields an
 * owner can set before and after the write.
 */
export function describeChange(
  before: unknown,
  after: unknown,
  nameOfElement: (ref: string) => string = ref => ref,
): string[] {
  const was = (before ?? {}) as Fields;
  const now = (after ?? {}) as Fields;
  const changes: string[] = [];

  if ((was.notes ?? '') !== (now.notes ?? '')) {
    if (!was.notes) changes.push('added notes');
    else if (!now.notes) changes.push('removed the notes');
    else changes.push('changed the notes');
  }

  if (was.lastVerified !== now.lastVerified) {
    if (!now.lastVerified) changes.push('cleared the last verified date');
    else if (!was.lastVerified) {
      changes.push(`set last verified to ${now.lastVerified}`);
    } else {
      changes.push(
        `moved last verified from ${was.lastVerified} to ${now.lastVerified}`,
      );
    }
  }

  if (was.qualityRating !== now.qualityRating) {
    if (!now.qualityRating) changes.push('removed the quality rating');
    else if (!was.qualityRating) {
      changes.push(`rated quality ${ratingText(now.qualityRating)}`);
    } else {
      changes.push(
        `changed quality from ${ratingText(was.qualityRating)} to ${ratingText(
          now.qualityRating,
        )}`,
      );
    }
  }

  const wasCorrections = new Map(
    (was.corrections ?? []).map(c => [c.element, c]),
  );
  const nowCorrections = new Map(
    (now.corrections ?? []).map(c => [c.element, c]),
  );
  for (const [element, correction] of nowCorrections) {
    const name = nameOfElement(element);
    const old = wasCorrections.get(element);
    const status = CORRECTION_STATUS_LABELS[correction.status];
    if (!old) {
      changes.push(`marked ${name} ${status}`);
    } else if (old.status !== correction.status) {
      changes.push(
        `marked ${name} ${status} instead of ${
          CORRECTION_STATUS_LABELS[old.status]
        }`,
      );
    } else if (old.reason !== correction.reason) {
      changes.push(`changed the reason for ${name}`);
    }
  }
  for (const element of wasCorrections.keys()) {
    if (!nowCorrections.has(element)) {
      changes.push(`removed the correction of ${nameOfElement(element)}`);
    }
  }

  return changes;
}

type ErrorLike = {
  name?: string;
  message?: string;
  statusCode?: number;
  response?: { status?: number };
  cause?: { name?: string; message?: string };
};

function statusOf(error: unknown): number | undefined {
  const e = error as ErrorLike | undefined;
  return e?.response?.status ?? e?.statusCode;
}

/**
 * Whether a write failed because the annotation changed since it was read:
 * the backend answers 409 with a ConflictError.
 */
export function isConflict(error: unknown): boolean {
  const e = error as ErrorLike | undefined;
  return (
    statusOf(error) === 409 ||
    e?.name === 'ConflictError' ||
    e?.cause?.name === 'ConflictError'
  );
}

/**
 * A failed request in words. A `ResponseError`'s own message only names the
 * status, so the backend's message carried in its cause is preferred.
 */
export function errorMessage(error: unknown): string {
  const e = error as ErrorLike | undefined;
  const message = e?.cause?.message || e?.message || String(error);
  const status = statusOf(error);

  if (status === 403) {
    return `You may not change these notes: ${message}`;
  }
  if (status === 400) {
    return `The data catalog did not accept the change: ${message}`;
  }
  if (status === undefined && e?.name === 'TypeError') {
    return `Could not reach the data catalog (${message}). Nothing was saved; try again.`;
  }
  return message;
}

/** A `YYYY-MM-DD` day as people read it, without time-zone drift. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return date.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    dateStyle: 'medium',
  });
}
