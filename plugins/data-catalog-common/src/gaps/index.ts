/*
 * The gap rules: pure functions that tell, for each district and indicator,
 * whether the district can compute it and why not.
 */

export * from './types';
export { toElementRecord, toIndicatorRecord, toSourceRecord } from './records';
export { assessIndicator } from './assessIndicator';
export {
  assessDistrict,
  GAP_RULES_REVISION,
  summarizeGaps,
} from './assessDistrict';
export { compactGrades } from './grades';
export { servesMemberDistricts } from './regional';
