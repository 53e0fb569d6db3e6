import { checkForStudentRecords } from '@internal/plugin-data-catalog-common';
import { FormValues } from './annotationValues';

/**
 * What the backend would refuse in a form's free text, said before it is
 * sent: the first field that looks like a student record, named, with why.
 * The backend checks again with the same rule, so this only saves a trip.
 */
export function studentRecordIn(values: FormValues): string | undefined {
  const fields: Array<[string, string]> = [
    ['Notes', values.notes],
    ...values.corrections.map((row, i): [string, string] => [
      `Reason of correction ${i + 1}`,
      row.reason,
    ]),
  ];
  for (const [label, text] of fields) {
    const problem = checkForStudentRecords(text);
    if (problem) {
      return `${label}: ${problem} Nothing was saved.`;
    }
  }
  return undefined;
}
