export type { DataCatalogDocument } from './DataCatalogDocument';
export type { DocumentContext, ElementSummary } from './context';
export { dataElementDocument, summarizeElement } from './dataElementDocument';
export { dataSourceDocument } from './dataSourceDocument';
export { indicatorDocument } from './indicatorDocument';
