export type { CellInput } from './cellInput';
export { cellText, toCellInput } from './cellInput';
export type { Parsed } from './parsed';
export { isParsed } from './parsed';
export {
  excelSerialDate,
  parseYears,
  schoolYear,
  schoolYearOf,
} from './parseYears';
export { parseGrades } from './parseGrades';
export { parseBoolean } from './parseBoolean';
export { parseTags } from './parseTags';
export type { CodeParser } from './parseCodes';
export {
  parseAccessMethod,
  parseAvailability,
  parseCategory,
  parseFrequency,
  parseLifecycle,
  parsePrivacy,
  parseSourceType,
} from './parseCodes';
