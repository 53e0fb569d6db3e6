/*
 * What the data catalog backend stores beside the catalog, as its API
 * serves it: owners' annotations, action items and the history of both.
 */

/** An owner's correction of one element's availability in their source. */
export interface ElementCorrection {
  element: string;
  status: 'partial' | 'unusable';
  reason: string;
}

/** Fields an owner can set on an annotation. */
export interface AnnotationFields {
  notes?: string;
  /** The day the owner last checked the description, `YYYY-MM-DD`. */
  lastVerified?: string;
  /** The owner's rating of the data's quality, 1 (poor) to 5 (excellent). */
  qualityRating?: number;
}

/** An annotation as stored, on a source or on an indicator in a district. */
export interface Annotation extends AnnotationFields {
  kind: 'source' | 'indicator';
  /** The source's or the indicator's reference. */
  subject: string;
  district: string;
  /** Only on source annotations. */
  corrections: ElementCorrection[];
  /** 0 when nothing was stored yet; a write must send the version it read. */
  version: number;
  updatedBy?: string;
  updatedAt?: string;
}

/** Where an action item stands. */
export const ACTION_STATUSES = [
  'planned',
  'in-progress',
  'done',
  'dropped',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A step planned to close a gap. */
export interface ActionItem {
  id: string;
  district: string;
  indicator: string;
  element?: string;
  step: string;
  /** Entity reference of the person or group who does it. */
  owner: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  status: ActionStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** One change to an annotation or an action item. */
export interface HistoryEntry {
  id: number;
  subjectType: 'annotation' | 'action';
  subjectId: string;
  district: string;
  change: 'create' | 'update';
  before?: unknown;
  after: unknown;
  changedBy: string;
  changedAt: string;
}
