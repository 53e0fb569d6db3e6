import ExcelJS from 'exceljs';
import { WorkbookReadError } from './errors';
import { WANTED_HEADERS } from './findHeader';
import { inspectWorkbookFile } from './inspectFile';
import { RowBudget, SheetCollector } from './sheetCollector';
import { ReadWorkbookOptions, SheetSummary, WorkbookRows } from './types';
import { CellInput, toCellInput } from './values/cellInput';

/** The limit on data rows when the caller sets none. */
export const DEFAULT_MAX_ROWS = 100000;

const PROGRESS_EVERY = 500;

function rowCells(row: ExcelJS.Row): Array<CellInput | undefined> {
  const cells: Array<CellInput | undefined> = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // Every cell of a merged range gives the first one's value; Excel
    // shows it once, so a merged title or section row stays one cell.
    if (cell.isMerged && cell.master.address !== cell.address) {
      return;
    }
    cells[column] = toCellInput(cell.value);
  });
  return cells;
}

/** Counts rows read and reports them every few hundred. */
class ProgressCounter {
  rowsRead = 0;
  private nextReport = PROGRESS_EVERY;

  constructor(
    private readonly rowEstimate: number | undefined,
    private readonly onProgress?: ReadWorkbookOptions['onProgress'],
  ) {}

  advance(rows: number): void {
    this.rowsRead += rows;
    if (this.onProgress && this.rowsRead >= this.nextReport) {
      this.nextReport = this.rowsRead + PROGRESS_EVERY;
      this.onProgress({
        rowsRead: this.rowsRead,
        rowEstimate: this.rowEstimate,
      });
    }
  }

  finish(): void {
    this.onProgress?.({
      rowsRead: this.rowsRead,
      rowEstimate: this.rowEstimate,
    });
  }
}

function readSheet(
  worksheet: ExcelJS.Worksheet,
  sheet: SheetCollector,
  progress: ProgressCounter,
): void {
  let last = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    sheet.add(number, rowCells(row));
    // Blank rows between filled ones still count as read.
    progress.advance(number - last);
    last = number;
  });
  sheet.finish();
}

function describeSheet(sheet: SheetSummary): string {
  const what =
    sheet.kind === 'skipped'
      ? sheet.reason
      : `a ${sheet.kind} sheet (header in row ${sheet.headerRow}), which is read only beside an element sheet`;
  return `  ${sheet.name}: ${what}`;
}

/**
 * Reads the rows of a district's data-catalog workbook that the import
 * needs, sheet by sheet: element rows, the optional Sources and Lineage
 * sheets, and what was skipped. Stops as soon as the data rows pass
 * `maxRows`.
 *
 * Throws WorkbookReadError when the file is not a workbook, is password
 * protected, has no element sheet, or has too many rows.
 */
export async function readWorkbook(
  file: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookRows> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { rowEstimate } = await inspectWorkbookFile(file);
  // The whole workbook is loaded before its rows are read; a file whose
  // sheets span far more rows than allowed is refused before that.
  if (rowEstimate !== undefined && rowEstimate > 2 * maxRows) {
    throw new WorkbookReadError(
      'tooManyRows',
      `the sheets of ${file} span ${rowEstimate} rows, far more than the ${maxRows} data rows allowed`,
    );
  }

  // exceljs's streaming reader was seen to lose zip parts of valid
  // workbooks at random (a sheet, or the shared strings), so the file is
  // loaded whole; 50,000 rows take about 300 MiB.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new WorkbookReadError(
      'notAWorkbook',
      `${file} could not be read as an Excel workbook (${
        (error as Error).message
      }); it may be damaged: open it in Excel and save it again as .xlsx`,
    );
  }

  const budget = new RowBudget(maxRows);
  const rows: WorkbookRows = {
    sheets: [],
    elements: [],
    sources: [],
    lineage: [],
    skipped: [],
    blankRows: 0,
  };
  const progress = new ProgressCounter(rowEstimate, options.onProgress);
  for (const worksheet of workbook.worksheets) {
    readSheet(
      worksheet,
      new SheetCollector(worksheet.name, rows, budget),
      progress,
    );
  }
  progress.finish();

  if (!rows.sheets.some(sheet => sheet.kind === 'elements')) {
    const sheets = rows.sheets.length
      ? rows.sheets.map(describeSheet).join('\n')
      : '  (the workbook has no sheets)';
    throw new WorkbookReadError(
      'noHeader',
      `no sheet of ${file} has ${WANTED_HEADERS}:\n${sheets}`,
    );
  }
  return rows;
}
