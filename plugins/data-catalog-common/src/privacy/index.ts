/*
 * Student privacy: the catalog holds metadata, never student records.
 * Free text is checked for what looks like a student's record, and counts
 * of students are suppressed below a minimum cell size.
 */
export type { StudentRecordFinding, StudentRecordKind } from './types';
export { findStudentRecords } from './findStudentRecords';
export {
  checkForStudentRecords,
  explainStudentRecords,
} from './explainStudentRecords';
export type { StudentCount } from './minimumCellSize';
export {
  DEFAULT_MINIMUM_CELL_SIZE,
  suppressStudentCount,
} from './minimumCellSize';
