/*
 * Reading a district's data-catalog workbook: the file checked and
 * streamed, each sheet's header found, values parsed, and rows turned
 * into the entities an import writes.
 */
export { WorkbookReadError } from './errors';
export type { WorkbookReadFailure } from './errors';
export { DEFAULT_MAX_ROWS, readWorkbook } from './readWorkbook';
export type {
  ReadProgress,
  ReadWorkbookOptions,
  RowPlace,
  RowProblem,
  SheetRow,
  SheetSummary,
  SkippedRow,
  WorkbookRows,
} from './types';
export { buildImport } from './buildImport';
export { REVIEW_ANNOTATION } from './importTypes';
export type {
  ImportContext,
  ImportedSource,
  ImportPlan,
  RowOutcome,
  UnknownPerson,
} from './importTypes';
export { formatRowProblem } from './parseRows';
export { isValidName, slugify, sourceNameFor } from './entityNames';
export * from './values';
