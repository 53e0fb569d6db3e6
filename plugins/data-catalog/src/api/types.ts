import {
  ActionItem,
  ActionStatus,
  Annotation,
  ElementCorrection,
  GapSummary,
  HistoryEntry,
  IndicatorAvailability,
  IndicatorConstruct,
  IndicatorStage,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';

/*
 * The answers of the data catalog backend, as the frontend reads them.
 */

/** A district or BOCES group. */
export interface District {
  ref: string;
  name: string;
  title: string;
  type: 'district' | 'boces';
  parent?: string;
  dataTeam?: string;
}

/** Districts, and how fresh the backend's copy of the catalog is. */
export interface DistrictList {
  refreshedAt?: string;
  items: District[];
}

/** One district's gaps. */
export interface DistrictGaps {
  district: District;
  refreshedAt?: string;
  summary: GapSummary;
  results: IndicatorAvailability[];
}

/** One indicator in every district. */
export interface IndicatorAcrossDistricts {
  indicator: {
    ref: string;
    title: string;
    stage: IndicatorStage;
    construct: IndicatorConstruct;
  };
  refreshedAt?: string;
  results: IndicatorAvailability[];
}

/** The region as districts by indicators. */
export interface RegionMatrix {
  refreshedAt?: string;
  districts: Array<{ ref: string; title: string; summary: GapSummary }>;
  indicators: Array<{
    ref: string;
    title: string;
    stage: IndicatorStage;
    construct: IndicatorConstruct;
    counts: Record<IndicatorStatus, number>;
  }>;
  /** `statuses[d][i]` is district d's status for indicator i. */
  statuses: IndicatorStatus[][];
}

/** A node of a lineage answer. */
export interface LineageNode {
  ref: string;
  kind: 'datasource' | 'dataelement' | 'indicator';
  title: string;
  district?: string;
  depth: number;
}

/** An edge of a lineage answer, pointing the way data flow. */
export interface LineageEdge {
  from: string;
  to: string;
  type: 'feeds' | 'provides' | 'requires';
  elements?: string[];
  closesCycle: boolean;
}

/** Upstream and downstream of one entity. */
export interface Lineage {
  root: string;
  direction: 'upstream' | 'downstream' | 'both';
  depth: number;
  limit: number;
  nodes: LineageNode[];
  edges: LineageEdge[];
  truncated: number;
}

/** One point of a district's progress. */
export interface ProgressPoint {
  takenAt: string;
  cause: 'catalog' | 'annotation' | 'daily';
  summary: GapSummary;
}

/** An indicator's change of status in a district. */
export interface StatusChange {
  district: string;
  indicator: string;
  from?: IndicatorStatus;
  to: IndicatorStatus;
  reasons: string[];
  cause: ProgressPoint['cause'];
  changedAt: string;
}

/** One source's holding of one element, for the comparison. */
export interface Holding {
  element: string;
  source: string;
  sourceTitle: string;
  district: string;
  vendor?: string;
  product?: string;
  lifecycle: string;
  field: string;
  status: string;
  grades: string[];
  years: string[];
}

/** How one element stands across the districts. */
export interface ElementComparison {
  ref: string;
  title: string;
  domain: string;
  subgroup: boolean;
  cedsId?: string;
  districts: Record<string, Holding[]>;
  districtCount: number;
  vendors: string[];
  alike: boolean;
}

/** Whether the signed-in user may write about a subject. */
export interface WriteAccess {
  subject: string;
  allowed: boolean;
  writers: string[];
}

/** A write to a source's annotation. */
export interface SourceAnnotationWrite {
  version: number;
  notes?: string;
  lastVerified?: string;
  qualityRating?: number;
  corrections?: ElementCorrection[];
}

/** A write to an indicator's annotation in a district. */
export type IndicatorAnnotationWrite = Omit<
  SourceAnnotationWrite,
  'corrections'
>;

/** A new action item. */
export interface NewActionItem {
  indicator: string;
  element?: string;
  step: string;
  owner: string;
  dueDate: string;
  status?: ActionStatus;
}

/** A change to an action item. */
export interface ActionItemChange {
  version: number;
  step?: string;
  owner?: string;
  dueDate?: string;
  status?: ActionStatus;
}

export type { ActionItem, Annotation, HistoryEntry };
