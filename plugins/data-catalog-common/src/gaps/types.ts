import {
  AccessMethod,
  DataSourceLifecycle,
  DataSourceType,
  ElementStatus,
  Grade,
  IndicatorConstruct,
  IndicatorStage,
} from '../vocabulary';

/*
 * Plain records the gap rules work on. The backend reads them from its own
 * tables and the command-line tools from YAML files; both feed the same
 * functions and so give the same answer for the same catalog. References are
 * full, lower-case entity references such as `datasource:default/x`.
 */

/** One data element as one source holds it, with coverage resolved. */
export interface ProvisionRecord {
  element: string;
  field: string;
  status: ElementStatus;
  /** The element's own coverage, or the source's where it gives none. */
  grades: Grade[];
  years: string[];
  note?: string;
}

/** A data source with what the gap rules need to know of it. */
export interface SourceRecord {
  ref: string;
  title: string;
  district: string;
  type: DataSourceType;
  lifecycle: DataSourceLifecycle;
  vendor?: string;
  product?: string;
  accessMethod: AccessMethod;
  linkableByStudentId: boolean;
  grades: Grade[];
  years: string[];
  provides: ProvisionRecord[];
}

/** An entry of the shared vocabulary. */
export interface ElementRecord {
  ref: string;
  title: string;
  subgroup: boolean;
}

/** An indicator and the elements it needs. */
export interface IndicatorRecord {
  ref: string;
  title: string;
  stage: IndicatorStage;
  construct: IndicatorConstruct;
  /** Grades it applies to; every grade when empty. */
  grades: Grade[];
  requires: string[];
  disaggregateBy: string[];
}

/**
 * An owner's correction of what the YAML says about one element in one
 * source, entered in the portal rather than in YAML.
 */
export interface AvailabilityCorrection {
  source: string;
  element: string;
  status: 'partial' | 'unusable';
  reason: string;
  /** Entity reference of the user who made it. */
  by: string;
  /** ISO 8601 time it was made. */
  at: string;
}

/** Everything the rules need to assess one district. */
export interface DistrictCatalog {
  district: string;
  /** The district's display title; reasons use its name when left out. */
  districtTitle?: string;
  /** The district's own sources; sources of other districts are ignored. */
  sources: SourceRecord[];
  /**
   * Regional sources that serve the district as well, such as state
   * assessment results the BOCES distributes; see
   * {@link servesMemberDistricts}.
   */
  regionalSources?: SourceRecord[];
  elements: ElementRecord[];
  corrections: AvailabilityCorrection[];
}

/** Whether a district can compute an indicator. */
export type IndicatorStatus =
  | 'available'
  | 'partial'
  | 'missing'
  | 'not-applicable';

/** Whether a district has one element in a usable form. */
export type ElementAvailability = 'available' | 'partial' | 'missing';

/** One source's holding of one element, as the rules judged it. */
export interface ProvisionAssessment {
  source: string;
  sourceTitle: string;
  vendor?: string;
  field: string;
  /** The status after owners' corrections and the rules are applied. */
  status: ElementAvailability;
  grades: Grade[];
  years: string[];
  linkableByStudentId: boolean;
  /** Set when an owner's correction changed the YAML's status. */
  correction?: AvailabilityCorrection;
  /** Why the status is not `available`, one plain sentence each. */
  problems: string[];
}

/** How a district stands on one element an indicator needs. */
export interface ElementAssessment {
  element: string;
  elementTitle: string;
  /** Needed to compute the indicator, or to break it down by subgroup. */
  role: 'required' | 'subgroup';
  status: ElementAvailability;
  /** The provision the status is taken from, when there is one. */
  chosen?: string;
  provisions: ProvisionAssessment[];
  /**
   * In a summary answer, which keeps only the chosen provision: how many
   * others the full answer lists.
   */
  otherProvisions?: number;
  /** One plain sentence on the status. */
  reason: string;
}

/** Whether and why one district can compute one indicator. */
export interface IndicatorAvailability {
  indicator: string;
  indicatorTitle: string;
  stage: IndicatorStage;
  construct: IndicatorConstruct;
  district: string;
  status: IndicatorStatus;
  /** The reasons for the status in plain words, most important first. */
  reasons: string[];
  elements: ElementAssessment[];
}

/** Counts of indicator statuses. */
export type StatusCounts = Record<IndicatorStatus, number>;

/** Counts for one district, in total and per stage and construct. */
export interface GapSummary {
  total: StatusCounts;
  byStage: Record<IndicatorStage, StatusCounts>;
  byConstruct: Record<IndicatorConstruct, StatusCounts>;
}
