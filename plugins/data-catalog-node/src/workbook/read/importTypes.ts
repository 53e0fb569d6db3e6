import { Entity } from '@backstage/catalog-model';
import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
} from '@internal/plugin-data-catalog-common';
import { RowPlace, RowProblem } from './types';

/** Annotation that marks an element proposed by an import, for review. */
export const REVIEW_ANNOTATION = 'datacatalog.k12.dev/review';

/** What rows are matched against, and what they merge into. */
export interface ImportContext {
  /** The district group's name, such as `alder-creek`. */
  district: string;
  /**
   * The owner of proposed elements and of sources the workbook gives no
   * owner: the district's data team, or else the district.
   */
  defaultOwner: string;
  /** The catalog's groups, users, data elements and data sources. */
  catalog: Entity[];
  /** Sources already in the district's folder, by name; merged into. */
  existing: Map<string, Entity>;
  /** The workbook's file name, for the proposed elements' descriptions. */
  workbookName: string;
}

/** One source as the import will write it. */
export interface ImportedSource {
  entity: DataSourceEntityV1alpha1;
  /** True when it replaces a source already in the district's folder. */
  merged: boolean;
}

/** What became of one row, for the dry run's report. */
export interface RowOutcome extends RowPlace {
  action: 'created' | 'merged' | 'skipped';
  /** `source / element`, the source alone, or `-` for skipped rows. */
  subject: string;
  why?: string;
}

/** An Owner or Steward name that matches no group or user, or several. */
export interface UnknownPerson {
  name: string;
  /** The column it was written in: Owner or Steward. */
  column: string;
  rows: RowPlace[];
  /** A close match, for "did you mean". */
  suggestion?: { name: string; ref: string };
  /** Entities the name matches equally well. */
  candidates?: string[];
}

/** The import worked out in full, before anything is written. */
export interface ImportPlan {
  /** Sources by name. */
  sources: ImportedSource[];
  /** Elements the vocabulary lacks, in the order rows first name them. */
  proposedElements: DataElementEntityV1alpha1[];
  /** One per row read, in sheet and row order. */
  outcomes: RowOutcome[];
  /** Rows that cannot become entities; nothing may be written if any. */
  problems: RowProblem[];
  /** Names of people the catalog does not know. */
  unknownPeople: UnknownPerson[];
  /** Things the user should know that do not stop the import. */
  notes: string[];
}
