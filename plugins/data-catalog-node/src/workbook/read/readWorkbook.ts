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
    cells[column] = toCellInput(cell.value);
  });
  return cells;
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
  let rowsRead = 0;
  let nextReport = PROGRESS_EVERY;
  for (const worksheet of workbook.worksheets) {
    const sheet = new SheetCollector(worksheet.name, rows, budget);
    let sheetRows = 0;
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      sheet.add(number, rowCells(row));
      // Blank rows between filled ones still count as read.
      rowsRead += number - sheetRows;
      sheetRows = number;
      if (options.onProgress && rowsRead >= nextReport) {
        nextReport = rowsRead + PROGRESS_EVERY;
        options.onProgress({ rowsRead, rowEstimate });
      }
    });
    sheet.finish();
  }
  options.onProgress?.({ rowsRead, rowEstimate });

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
