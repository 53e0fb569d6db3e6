export { DistrictPicker, isDistrictNamed } from './DistrictPicker';
export type { DistrictPickerProps } from './DistrictPicker';
export { DistrictScope } from './DistrictScope';
export type { DistrictScopeProps } from './DistrictScope';
export { useDistrictParam, useDistricts } from './useDistricts';
