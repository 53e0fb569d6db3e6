import { WorkbookReadError } from './errors';
import {
  ColumnLabels,
  ELEMENT_LABELS,
  findSheetLayout,
  HEADER_SEARCH_ROWS,
  HeaderRow,
  LINEAGE_LABELS,
  RowCells,
  SheetLayout,
  SOURCE_LABELS,
} from './findHeader';
import { SheetSummary, WorkbookRows } from './types';
import { CellInput } from './values/cellInput';

/** Counts data rows across sheets and stops at the limit. */
export class RowBudget {
  private used = 0;

  constructor(private readonly limit: number) {}

  take(sheet: string, row: number): void {
    this.used += 1;
    if (this.used > this.limit) {
      throw new WorkbookReadError(
        'tooManyRows',
        `the workbook has more than ${this.limit} data rows (the limit was passed at ${sheet}!${row})`,
      );
    }
  }
}

/** The letters Excel shows for a column number: 1 is A, 28 is AB. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function filled(cells: RowCells): number {
  return cells.filter(cell => cell !== undefined).length;
}

function keyed<K extends string>(
  header: HeaderRow<K>,
  cells: RowCells,
): Partial<Record<K, CellInput>> {
  const values: Partial<Record<K, CellInput>> = {};
  for (const [key, column] of header.columns) {
    const value = cells[column];
    if (value !== undefined) {
      values[key] = value;
    }
  }
  return values;
}

// A header repeated inside the table, as when sections were pasted in.
function repeatsHeader<K extends string>(
  labels: ColumnLabels<K>,
  values: Partial<Record<K, CellInput>>,
): boolean {
  const entries = Object.entries(values) as Array<[K, CellInput]>;
  return (
    entries.length > 1 &&
    entries.every(
      ([key, value]) =>
        typeof value === 'string' && labels.keyOf(value) === key,
    )
  );
}

/**
 * Reads one sheet row by row as it streams past: holds the first rows
 * until the header is found, then files each row under the sheet's kind,
 * skipping blank rows, title rows and repeated headers.
 */
export class SheetCollector {
  private readonly pending: Array<{ row: number; cells: RowCells }> = [];
  private layout?: SheetLayout;
  private readonly summary: SheetSummary;

  constructor(
    name: string,
    private readonly rows: WorkbookRows,
    private readonly budget: RowBudget,
  ) {
    this.summary = {
      name,
      kind: 'skipped',
      ignoredColumns: [],
      columns: {},
      dataRows: 0,
    };
    rows.sheets.push(this.summary);
  }

  add(row: number, cells: RowCells): void {
    if (this.layout) {
      this.file(row, cells);
      return;
    }
    if (filled(cells) > 0) {
      this.pending.push({ row, cells });
    }
    if (this.pending.length >= HEADER_SEARCH_ROWS) {
      this.decide();
    }
  }

  finish(): void {
    if (!this.layout) {
      this.decide();
    }
  }

  private decide(): void {
    const layout = findSheetLayout(this.summary.name, this.pending);
    this.layout = layout;
    this.summary.kind = layout.kind;
    if (layout.kind === 'skipped') {
      this.summary.reason = layout.reason;
    } else {
      const { header } = layout;
      this.summary.headerRow = header.row;
      this.summary.ignoredColumns = header.ignored;
      const written = this.pending.find(p => p.row === header.row)!.cells;
      for (const [key, column] of header.columns as Map<string, number>) {
        this.summary.columns[key] = `${written[column]} (column ${columnLetter(
          column,
        )})`;
      }
    }
    for (const { row, cells } of this.pending.splice(0)) {
      this.file(row, cells);
    }
  }

  private file(row: number, cells: RowCells): void {
    const layout = this.layout!;
    if (layout.kind === 'skipped' || row <= layout.header.row) {
      return;
    }
    const count = filled(cells);
    if (count === 0) {
      this.rows.blankRows += 1;
      return;
    }
    const sheet = this.summary.name;

    switch (layout.kind) {
      case 'elements': {
        const values = keyed(layout.header, cells);
        const hasElement = values.element !== undefined;
        if (this.skip(ELEMENT_LABELS, values, row, count, hasElement)) {
          return;
        }
        this.take(row);
        this.rows.elements.push({ sheet, row, cells: values });
        return;
      }
      case 'sources': {
        const values = keyed(layout.header, cells);
        if (this.skip(SOURCE_LABELS, values, row, count, false)) {
          return;
        }
        this.take(row);
        this.rows.sources.push({ sheet, row, cells: values });
        return;
      }
      default: {
        const values = keyed(layout.header, cells);
        if (this.skip(LINEAGE_LABELS, values, row, count, false)) {
          return;
        }
        this.take(row);
        this.rows.lineage.push({ sheet, row, cells: values });
      }
    }
  }

  private take(row: number) {
    this.budget.take(this.summary.name, row);
    this.summary.dataRows += 1;
  }

  // Rows that are not data: a title or section row (one filled cell, as a
  // merged title leaves), a repeated header, or notes beside the table.
  private skip<K extends string>(
    labels: ColumnLabels<K>,
    values: Partial<Record<K, CellInput>>,
    row: number,
    count: number,
    hasElement: boolean,
  ): boolean {
    let reason: string | undefined;
    if (Object.keys(values).length === 0) {
      reason = 'only columns the import ignores are filled';
    } else if (count === 1 && !hasElement) {
      reason = 'title or section row';
    } else if (repeatsHeader(labels, values)) {
      reason = 'repeated header row';
    }
    if (reason) {
      this.rows.skipped.push({ sheet: this.summary.name, row, reason });
    }
    return reason !== undefined;
  }
}
