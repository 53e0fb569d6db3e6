export { DataCatalogEntitiesProcessor } from './DataCatalogEntitiesProcessor';
export type { ReferenceCheck } from './DataCatalogEntitiesProcessor';
