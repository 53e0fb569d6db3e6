import ExcelJS from 'exceljs';
import { addCatalogSheets } from './catalogSheets';
import { addAnalysisSheets } from './analysisSheets';
import { NameBook } from './names';
import { WorkbookContent } from './WorkbookContent';

/**
 * Builds a district's (or the region's) data-catalog workbook: the sheets
 * the importer reads back, then indicators, gaps and the action plan.
 * `now` is a parameter so that the same content gives the same workbook.
 */
export function buildWorkbook(
  content: WorkbookContent,
  now: Date = new Date(),
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Data catalog';
  workbook.title = `Data catalog: ${content.title}`;
  workbook.created = now;
  workbook.modified = now;

  const names = new NameBook(content.people);
  const elementTitles = new Map(
    content.elements.map(e => [
      e.metadata.name.toLocaleLowerCase('en-US'),
      e.metadata.title ?? e.metadata.name,
    ]),
  );

  addCatalogSheets(workbook, content.sources, content.elements, names);
  addAnalysisSheets(
    workbook,
    { ...content, elementTitles },
    names,
    now.toISOString().slice(0, 10),
  );
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBuffer(
  content: WorkbookContent,
  now?: Date,
): Promise<Buffer> {
  const data = await buildWorkbook(content, now).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
