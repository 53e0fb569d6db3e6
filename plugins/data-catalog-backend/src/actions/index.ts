export { registerDataCatalogActions } from './registerDataCatalogActions';
export type { DataCatalogActionsOptions } from './options';
