export { DataCatalogCollatorFactory } from './DataCatalogCollatorFactory';
export type { DataCatalogCollatorFactoryOptions } from './DataCatalogCollatorFactory';
