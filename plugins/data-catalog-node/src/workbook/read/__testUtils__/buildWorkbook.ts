import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RowBudget, SheetCollector } from '../sheetCollector';
import { WorkbookRows } from '../types';
import { CellInput } from '../values/cellInput';

/**
 * One cell as a test writes it: text, a number, a yes/no, a date, or an
 * exceljs formula, rich text or hyperlink value; undefined leaves it blank.
 */
export type TestCell = ExcelJS.CellValue | undefined;

/** One sheet of a test workbook. */
export interface TestSheet {
  name: string;
  /** The rows from row 1 down; an empty array leaves a row blank. */
  rows: TestCell[][];
  /** Ranges to merge, such as `A1:F1`. */
  merges?: string[];
}

const folders: string[] = [];

/** A fresh folder under the system's temporary folder. */
export function temporaryFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workbook-read-'));
  folders.push(folder);
  return folder;
}

/** Removes every folder temporaryFolder made; call it in afterAll. */
export function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Writes an .xlsx workbook with exceljs in a temporary folder and gives its
 * path. Dates get a date format, so that they read back as dates, as dates
 * typed in Excel do.
 */
export async function writeWorkbook(
  sheets: TestSheet[],
  fileName = 'catalog.xlsx',
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const cells of spec.rows) {
      const row = sheet.addRow(cells.map(value => value ?? null));
      cells.forEach((value, i) => {
        if (value instanceof Date) {
          row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
        }
      });
    }
    for (const range of spec.merges ?? []) {
      sheet.mergeCells(range);
    }
  }
  const file = path.join(temporaryFolder(), fileName);
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * Files rows of cells, sheet by sheet, as readWorkbook files the rows it
 * streams, without writing a file: for tests of what comes after reading.
 * Each row's cells start at column A; undefined leaves a cell blank.
 */
export function collectRows(
  sheets: Array<{ name: string; rows: Array<Array<CellInput | undefined>> }>,
  maxRows = 1000,
): WorkbookRows {
  const rows: WorkbookRows = {
    sheets: [],
    elements: [],
    sources: [],
    lineage: [],
    skipped: [],
    blankRows: 0,
  };
  const budget = new RowBudget(maxRows);
  for (const sheet of sheets) {
    const collector = new SheetCollector(sheet.name, rows, budget);
    sheet.rows.forEach((cells, i) =>
      collector.add(i + 1, [undefined, ...cells]),
    );
    collector.finish();
  }
  return rows;
}
