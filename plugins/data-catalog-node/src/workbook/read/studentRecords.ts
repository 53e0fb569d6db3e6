import { checkForStudentRecords } from '@internal/plugin-data-catalog-common';
import { RowPlace, RowProblem } from './types';

/*
 * The columns people write prose in, on any sheet: an element's Definition
 * and Notes, a source's Description and Access note, a feed's Notes. A
 * student's record pasted into one would be written into the catalog,
 * which holds metadata only. Names and codes (Field name, Source ID) are
 * the source's own identifiers and are checked by the entity schema.
 */
const FREE_TEXT_KEYS: ReadonlySet<string> = new Set([
  'definition',
  'notes',
  'description',
  'accessNote',
]);

/**
 * The problem of a free-text cell that looks like a student record, naming
 * its sheet, row and column. The cell's value is left out, so that the
 * report does not repeat it; the message shows what was found masked.
 */
export function studentRecordProblem(
  place: RowPlace,
  key: string,
  column: string,
  text: string,
): RowProblem | undefined {
  if (!FREE_TEXT_KEYS.has(key)) {
    return undefined;
  }
  const message = checkForStudentRecords(text);
  return message
    ? { sheet: place.sheet, row: place.row, column, message }
    : undefined;
}
