import * as CFB from 'cfb';
import ExcelJS from 'exceljs';
import fs from 'node:fs';

/** What one cell of a built sheet holds; null and undefined leave it blank. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One sheet to build: its rows from row 1, and cells to merge. */
export interface SheetSpec {
  name: string;
  /** Row 1 first; an empty array leaves a blank row. */
  rows: CellValue[][];
  /** Ranges merged into one cell, such as `A1:F1` for a title. */
  merges?: string[];
}

/**
 * Writes an .xlsx workbook with the given sheets, the way a district's
 * spreadsheet is laid out, and gives back the file's path.
 */
export async function writeWorkbook(
  file: string,
  sheets: SheetSpec[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, rowIndex) => {
      cells.forEach((value, columnIndex) => {
        if (value !== null && value !== undefined) {
          sheet.getCell(rowIndex + 1, columnIndex + 1).value = value;
        }
      });
    });
    for (const range of spec.merges ?? []) {
      sheet.mergeCells(range);
    }
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * Writes a large single-sheet workbook with exceljs's streaming writer,
 * one header row and then `count` rows made by `row(i)`, so that tens of
 * thousands of rows never sit in memory as a workbook.
 */
export async function writeLargeWorkbook(
  file: string,
  sheetName: string,
  header: string[],
  count: number,
  row: (index: number) => CellValue[],
): Promise<string> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = writer.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  for (let i = 0; i < count; i++) {
    sheet.addRow(row(i)).commit();
  }
  sheet.commit();
  await writer.commit();
  return file;
}

/** Writes an OLE compound file holding the named streams. */
export function writeCompoundFile(
  file: string,
  streams: Record<string, Buffer>,
): string {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) {
    CFB.utils.cfb_add(container, name, content);
  }
  fs.writeFileSync(file, CFB.write(container, { type: 'buffer' }) as Buffer);
  return file;
}

/**
 * A workbook as Excel saves it when it is encrypted with a password: a
 * compound file with `EncryptionInfo` and `EncryptedPackage` streams.
 */
export function writeEncryptedWorkbook(file: string): string {
  const info = Buffer.alloc(256);
  // Agile encryption's version, 4.4, then an XML descriptor.
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.write('<?xml version="1.0"?><encryption/>', 8, 'utf8');
  const size = 4096;
  const encrypted = Buffer.alloc(size + 8);
  encrypted.writeUInt32LE(size, 0);
  for (let i = 8; i < encrypted.length; i++) {
    encrypted[i] = (i * 7919) % 251;
  }
  return writeCompoundFile(file, {
    EncryptionInfo: info,
    EncryptedPackage: encrypted,
  });
}

/** An old binary .xls: a compound file with a `Workbook` stream. */
export function writeLegacyWorkbook(file: string): string {
  const workbook = Buffer.alloc(8192);
  // A BIFF8 BOF record: type 0x0809, length 16, version 0x0600.
  workbook.writeUInt16LE(0x0809, 0);
  workbook.writeUInt16LE(16, 2);
  workbook.writeUInt16LE(0x0600, 4);
  workbook.writeUInt16LE(0x0005, 6);
  return writeCompoundFile(file, { Workbook: workbook });
}

/** The header of a small Dunmore inventory, every column a source needs. */
export const INVENTORY_HEADER = [
  'Source system',
  'Data element',
  'Field name',
  'Data category',
  'Collection frequency',
  'Access method',
  'Linkable by student ID',
  'Privacy class',
  'Owner',
  'Steward',
  'Notes',
];

/** A complete row of that inventory. */
export function inventoryRow(cells: {
  source: string | null;
  element: string;
  field: string;
  owner?: string;
  steward?: string;
  notes?: string;
}): CellValue[] {
  return [
    cells.source,
    cells.element,
    cells.field,
    'Administrative',
    'Daily',
    'Export',
    'Yes',
    'PII',
    cells.owner ?? 'dunmore-it',
    cells.steward ?? 'omar-haskell',
    cells.notes,
  ];
}
