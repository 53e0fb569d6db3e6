/**
 * Search backend module that indexes the data catalog's DataSource,
 * DataElement and Indicator entities as `data-catalog` documents.
 *
 * @packageDocumentation
 */

export { searchModuleDataCatalogCollator as default } from './module';
export { DataCatalogCollatorFactory } from './collator';
export type { DataCatalogCollatorFactoryOptions } from './collator';
export type { DataCatalogDocument } from './documents';
