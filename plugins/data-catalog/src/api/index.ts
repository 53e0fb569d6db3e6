export * from './types';
export type { DataCatalogApi } from './DataCatalogApi';
export { dataCatalogApiRef } from './DataCatalogApi';
export { DataCatalogClient } from './DataCatalogClient';
