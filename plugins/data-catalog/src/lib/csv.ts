import { saveFile } from './saveFile';

/** A value of one CSV cell; `null` and `undefined` become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

// RFC 4180 section 2: fields holding a comma, a double quote or a line break
// are enclosed in double quotes, and a double quote inside is doubled.
const NEEDS_QUOTES = /[",\r\n]/;

/** One field written as RFC 4180 asks. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows written as RFC 4180 CSV: fields joined by commas, each record ended
 * by CRLF, the last one too.
 */
export function toCsv(rows: CsvValue[][]): string {
  return rows.map(row => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Offers rows to the browser as a CSV file download. The text starts with a
 * byte order mark so that Excel, which districts open these files in, reads
 * it as UTF-8 rather than the system's code page.
 */
export function downloadCsv(fileName: string, rows: CsvValue[][]): void {
  const blob = new Blob(['\uFEFF', toCsv(rows)], {
    type: 'text/csv;charset=utf-8',
  });
  saveFile(fileName, blob);
}
