/**
 * A cell's content as the parsers read it: text, a number, a yes/no or a
 * date. Rich text, formulas and hyperlinks are reduced to what the cell
 * shows, so a district's formatting never changes what is imported.
 */
export type CellInput = string | number | boolean | Date;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reduces an exceljs cell value to a CellInput; blank cells and cells of
 * spaces only give undefined. Formulas give their cached result, which is
 * what Excel showed when the file was saved.
 */
export function toCellInput(value: unknown): CellInput | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    // Non-breaking spaces come in with text pasted from web pages.
    const text = value.replace(/\u00a0/g, ' ').trim();
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  if (Array.isArray(value.richText)) {
    return toCellInput(
      value.richText
        .map(run => (isRecord(run) ? String(run.text ?? '') : ''))
        .join(''),
    );
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return toCellInput(value.result);
  }
  if ('text' in value) {
    return toCellInput(value.text);
  }
  if (typeof value.error === 'string') {
    return value.error;
  }
  return undefined;
}

/** The school-calendar date of a Date, which exceljs gives at UTC midnight. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as text, for text columns and for messages. */
export function cellText(input: CellInput): string {
  if (typeof input === 'string') {
    return input;
  }
  if (typeof input === 'boolean') {
    return input ? 'TRUE' : 'FALSE';
  }
  if (input instanceof Date) {
    return isoDate(input);
  }
  return String(input);
}
