export type { WorkbookContent } from './WorkbookContent';
export { buildWorkbook, workbookBuffer } from './buildWorkbook';
