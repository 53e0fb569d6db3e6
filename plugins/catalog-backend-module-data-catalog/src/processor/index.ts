export { DataCatalogEntitiesProcessor } from './DataCatalogEntitiesProcessor';
