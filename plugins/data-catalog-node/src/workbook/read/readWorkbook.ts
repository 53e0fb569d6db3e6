import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { WorkbookReadError } from './errors';
import { WANTED_HEADERS } from './findHeader';
import { inspectWorkbookFile } from './inspectFile';
import { RowBudget, SheetCollector } from './sheetCollector';
import { ReadWorkbookOptions, SheetSummary, WorkbookRows } from './types';
import { CellInput, toCellInput } from './values/cellInput';

/** The limit on data rows when the caller sets none. */
export const DEFAULT_MAX_ROWS = 100000;

const PROGRESS_EVERY = 500;

// What the streaming reader's worksheets carry beyond their declared type.
type NamedWorksheetReader = ExcelJS.stream.xlsx.WorksheetReader & {
  name?: string;
  id?: number | string;
};

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
 * sheets, and what was skipped. Streams the file, so a sheet of 50,000 rows
 * never sits in memory as an exceljs workbook, and stops as soon as the
 * data rows pass `maxRows`.
 *
 * Throws WorkbookReadError when the file is not a workbook, is password
 * protected, has no element sheet, or has too many rows.
 */
export async function readWorkbook(
  file: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookRows> {
  const { rowEstimate } = await inspectWorkbookFile(file);
  const budget = new RowBudget(options.maxRows ?? DEFAULT_MAX_ROWS);
  const rows: WorkbookRows = {
    sheets: [],
    elements: [],
    sources: [],
    lineage: [],
    skipped: [],
    blankRows: 0,
  };

  const input = fs.createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    // Styles tell dates from numbers; without them a date is a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });

  let rowsRead = 0;
  let nextReport = PROGRESS_EVERY;
  try {
    for await (const worksheet of reader) {
      const { name, id } = worksheet as NamedWorksheetReader;
      const sheet = new SheetCollector(name ?? `Sheet ${id}`, rows, budget);
      let sheetRows = 0;
      for await (const row of worksheet) {
        sheet.add(row.number, rowCells(row));
        // Rows are numbered, so blank rows the file leaves out still count.
        rowsRead += row.number - sheetRows;
        sheetRows = row.number;
        if (options.onProgress && rowsRead >= nextReport) {
          nextReport = rowsRead + PROGRESS_EVERY;
          options.onProgress({ rowsRead, rowEstimate });
        }
      }
      sheet.finish();
    }
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      throw error;
    }
    throw new WorkbookReadError(
      'notAWorkbook',
      `${file} could not be read as an Excel workbook (${
        (error as Error).message
      }); it may be damaged: open it in Excel and save it again as .xlsx`,
    );
  } finally {
    input.destroy();
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
