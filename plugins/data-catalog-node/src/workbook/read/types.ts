import { ElementColumnKey, LineageColumnKey, SourceColumnKey } from '../layout';
import { CellInput } from './values/cellInput';

/** Where a row is: the sheet's name and the row's number in it. */
export interface RowPlace {
  sheet: string;
  row: number;
}

/** One data row of a sheet, its cells keyed by column. */
export interface SheetRow<K extends string> extends RowPlace {
  cells: Partial<Record<K, CellInput>>;
}

/** One thing in one row that keeps it from becoming part of an entity. */
export interface RowProblem extends RowPlace {
  /** The column, as the sheet names it; absent for whole-row problems. */
  column?: string;
  /** The cell's value as text, when one is at fault. */
  value?: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** A row read but not imported, such as a title row inside a table. */
export interface SkippedRow extends RowPlace {
  reason: string;
}

/** What the import made of one sheet. */
export interface SheetSummary {
  name: string;
  kind: 'elements' | 'sources' | 'lineage' | 'skipped';
  /** The header row, for sheets that are read. */
  headerRow?: number;
  /** Headers that name no column the import knows, as written. */
  ignoredColumns: string[];
  /**
   * Each column found, by key, as the sheet names it, such as
   * `School years (column H)`; problems point at columns this way.
   */
  columns: Record<string, string>;
  /** Why a skipped sheet was skipped. */
  reason?: string;
  dataRows: number;
}

/** The rows of a workbook the import reads, sheet by sheet in file order. */
export interface WorkbookRows {
  sheets: SheetSummary[];
  elements: SheetRow<ElementColumnKey>[];
  sources: SheetRow<SourceColumnKey>[];
  lineage: SheetRow<LineageColumnKey>[];
  skipped: SkippedRow[];
  blankRows: number;
}

/** How far reading has got, for a progress bar. */
export interface ReadProgress {
  /** Rows read so far, blank and header rows included. */
  rowsRead: number;
  /** The rows the sheets say they span, when they say so. */
  rowEstimate?: number;
}

export interface ReadWorkbookOptions {
  /** Data rows allowed before reading stops with `tooManyRows`. */
  maxRows?: number;
  /** Called every few hundred rows. */
  onProgress?: (progress: ReadProgress) => void;
}
