import {
  ColumnSpec,
  ELEMENT_COLUMNS,
  ElementColumnKey,
  LINEAGE_COLUMNS,
  LineageColumnKey,
  normalizeLabel,
  SHEET_NAMES,
  SOURCE_COLUMNS,
  SourceColumnKey,
} from '../layout';
import { CellInput } from './values/cellInput';

/** How many non-blank rows of a sheet are searched for its header. */
export const HEADER_SEARCH_ROWS = 20;

/** The cells of one row, by column number (1 for column A). */
export type RowCells = Array<CellInput | undefined>;

/** A row that holds column headers, and where each known column is. */
export interface HeaderRow<K extends string> {
  /** The row's number in the sheet, 1-based. */
  row: number;
  /** Column number of each column found. */
  columns: Map<K, number>;
  /** Headers that name no known column, as written, in column order. */
  ignored: string[];
}

/** What a sheet holds, decided from its header row. */
export type SheetLayout =
  | { kind: 'elements'; header: HeaderRow<ElementColumnKey> }
  | { kind: 'sources'; header: HeaderRow<SourceColumnKey> }
  | { kind: 'lineage'; header: HeaderRow<LineageColumnKey> }
  | { kind: 'skipped'; reason: string };

/** Matches header text to column keys, by header and aliases, normalised. */
export class ColumnLabels<K extends string> {
  private readonly keys = new Map<string, K>();

  constructor(readonly columns: readonly ColumnSpec<K>[]) {
    for (const column of columns) {
      for (const label of [column.header, ...column.aliases]) {
        this.keys.set(normalizeLabel(label), column.key);
      }
    }
  }

  keyOf(text: string): K | undefined {
    return this.keys.get(normalizeLabel(text));
  }

  headerOf(key: K): string {
    return this.columns.find(column => column.key === key)?.header ?? key;
  }

  /** Reads one row as a header row; the first of repeated headers wins. */
  match(row: number, cells: RowCells): HeaderRow<K> {
    const columns = new Map<K, number>();
    const ignored: string[] = [];
    cells.forEach((cell, column) => {
      if (typeof cell !== 'string') {
        return;
      }
      const key = this.keyOf(cell);
      if (key && !columns.has(key)) {
        columns.set(key, column);
      } else {
        ignored.push(cell);
      }
    });
    return { row, columns, ignored };
  }
}

export const ELEMENT_LABELS = new ColumnLabels(ELEMENT_COLUMNS);
export const SOURCE_LABELS = new ColumnLabels(SOURCE_COLUMNS);
export const LINEAGE_LABELS = new ColumnLabels(LINEAGE_COLUMNS);

// Sheets the exporter writes for reading, not for importing back.
const ANALYSIS_SHEETS = new Set(
  [SHEET_NAMES.indicators, SHEET_NAMES.gaps, SHEET_NAMES.actions].map(
    normalizeLabel,
  ),
);

function best<K extends string>(
  labels: ColumnLabels<K>,
  rows: Array<{ row: number; cells: RowCells }>,
  accepts: (header: HeaderRow<K>) => boolean,
): HeaderRow<K> | undefined {
  let found: HeaderRow<K> | undefined;
  for (const { row, cells } of rows) {
    const header = labels.match(row, cells);
    if (
      accepts(header) &&
      (!found || header.columns.size > found.columns.size)
    ) {
      found = header;
    }
  }
  return found;
}

const hasSource = (columns: Map<string, number>) =>
  columns.has('source') || columns.has('sourceId');

/** What was looked for, for the message of a workbook with no header. */
export const WANTED_HEADERS = `a header row with ${ELEMENT_LABELS.headerOf(
  'source',
)} (or ${ELEMENT_LABELS.headerOf('sourceId')}) and ${ELEMENT_LABELS.headerOf(
  'element',
)} (or ${ELEMENT_LABELS.headerOf('elementId')}) columns`;

/**
 * Decides what a sheet holds from its first non-blank rows: the row that
 * names the most columns of a kind of sheet is its header. An element sheet
 * needs a source and an element column; a lineage sheet Source ID and Fed
 * by; a sources sheet a source column and one more, and no element column.
 */
export function findSheetLayout(
  sheetName: string,
  rows: Array<{ row: number; cells: RowCells }>,
): SheetLayout {
  if (ANALYSIS_SHEETS.has(normalizeLabel(sheetName))) {
    return {
      kind: 'skipped',
      reason: 'written by the export for reading; not imported',
    };
  }

  const elements = best(
    ELEMENT_LABELS,
    rows,
    ({ columns }) =>
      hasSource(columns) &&
      (columns.has('element') || columns.has('elementId')),
  );
  if (elements) {
    return { kind: 'elements', header: elements };
  }

  const lineage = best(
    LINEAGE_LABELS,
    rows,
    ({ columns }) => columns.has('sourceId') && columns.has('fedBy'),
  );
  if (lineage) {
    return { kind: 'lineage', header: lineage };
  }

  const sources = best(
    SOURCE_LABELS,
    rows,
    ({ columns }) => hasSource(columns) && columns.size >= 2,
  );
  if (sources) {
    return { kind: 'sources', header: sources };
  }

  return { kind: 'skipped', reason: describeMiss(rows) };
}

// Says how close the sheet came, so that a renamed column is easy to spot.
function describeMiss(rows: Array<{ row: number; cells: RowCells }>): string {
  const closest = best(ELEMENT_LABELS, rows, () => true);
  if (!closest || closest.columns.size === 0) {
    return `no header row found in its first ${HEADER_SEARCH_ROWS} rows; expected ${WANTED_HEADERS}`;
  }
  const found = [...closest.columns.keys()]
    .map(key => ELEMENT_LABELS.headerOf(key))
    .join(', ');
  return `row ${closest.row} has ${found} but not ${WANTED_HEADERS}`;
}
