import fs from 'node:fs/promises';
import path from 'node:path';
import { isCompoundFile, isEncryptedPackage } from './compoundFile';
import { WorkbookReadError } from './errors';
import { readZipContents } from './zipEntries';

/** What is known of a workbook file before its sheets are read. */
export interface WorkbookFile {
  path: string;
  /**
   * The rows its sheets say they span, summed, when every sheet says so;
   * for a progress bar, never for limits, since the count includes blank
   * and header rows.
   */
  rowEstimate?: number;
}

const SAVE_AS_XLSX = 'open it in Excel and save it as Excel Workbook (.xlsx)';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
// `<dimension ref="A1:P50001"/>`: the last number is the last row.
const DIMENSION = /<(?:\w+:)?dimension\s+ref="[^"]*?(\d+)"/;
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');

function notAWorkbook(message: string): WorkbookReadError {
  return new WorkbookReadError('notAWorkbook', message);
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function inspectCompoundFile(file: string): Promise<never> {
  if (isEncryptedPackage(await fs.readFile(file))) {
    throw new WorkbookReadError(
      'passwordProtected',
      `${file} is password-protected, so its sheets cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and import it again`,
    );
  }
  throw notAWorkbook(
    `${file} is an old-format Office file, such as an .xls workbook, not an .xlsx workbook; ${SAVE_AS_XLSX}`,
  );
}

async function inspectZipFile(file: string): Promise<number | undefined> {
  let contents;
  try {
    contents = await readZipContents(file, name => WORKSHEET.test(name));
  } catch (error) {
    throw notAWorkbook(
      `${file} looks like a zip file but cannot be read as one (${
        (error as Error).message
      }), so it is not a readable .xlsx workbook; it may be damaged or only partly copied`,
    );
  }
  if (!contents.names.includes('xl/workbook.xml')) {
    throw notAWorkbook(
      `${file} is a zip file but not an Excel workbook: it holds no xl/workbook.xml; expected an .xlsx file`,
    );
  }

  // Sums the last rows the sheets' <dimension> elements give.
  let total = 0;
  for (const head of contents.heads.values()) {
    const lastRow = DIMENSION.exec(head)?.[1];
    if (!lastRow) {
      return undefined;
    }
    total += Number(lastRow);
  }
  return total;
}

/**
 * Checks that a file is an .xlsx workbook before exceljs reads it, so that
 * each wrong file gets its own explanation: missing, a folder, a text or CSV
 * file, an old .xls, a password-protected workbook, or a zip of something
 * else.
 */
export async function inspectWorkbookFile(file: string): Promise<WorkbookFile> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw notAWorkbook(
      `${file} does not exist; expected an Excel workbook (.xlsx)`,
    );
  }
  if (!stat.isFile()) {
    throw notAWorkbook(
      `${file} is not a file; expected an Excel workbook (.xlsx)`,
    );
  }

  const head = await readHead(file);
  if (isCompoundFile(head)) {
    return inspectCompoundFile(file);
  }
  if (head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    return { path: file, rowEstimate: await inspectZipFile(file) };
  }

  const extension = path.extname(file).toLocaleLowerCase('en-US');
  const hint =
    extension === '.csv' || extension === '.txt'
      ? `; ${SAVE_AS_XLSX}`
      : '; expected a file saved as .xlsx by Excel, Google Sheets or LibreOffice';
  throw notAWorkbook(`${file} is not an Excel workbook${hint}`);
}
