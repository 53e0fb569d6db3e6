import {
  ElementGrain,
  ElementValueType,
} from '@internal/plugin-data-catalog-common';

// Plain words for the DataElement spec's codes, so that a reader who does
// not know the schema can tell what one value of the element is.

/** The level at which one value is recorded, as "one value per ...". */
export const GRAIN_LABELS: Record<ElementGrain, string> = {
  student: 'One value per student',
  'student-year': 'One value per student per school year',
  'student-term': 'One value per student per term',
  'student-day': 'One value per student per school day',
  'student-course': 'One value per student per course',
  'student-assessment': 'One value per student per assessment taken',
  'student-session': 'One value per student per session on a platform',
  'school-year': 'One value per school year',
};

/** The type of one value. */
export const VALUE_TYPE_LABELS: Record<ElementValueType, string> = {
  boolean: 'Yes or no',
  code: 'A code from a fixed list',
  integer: 'A whole number',
  decimal: 'A decimal number',
  percent: 'A percentage',
  string: 'Text',
  date: 'A date',
  duration: 'A length of time',
};
