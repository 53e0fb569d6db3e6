/**
 * Catalog backend module for the data catalog's DataSource, DataElement and
 * Indicator kinds.
 *
 * @packageDocumentation
 */

export { catalogModuleDataCatalog as default } from './module';
export { DataCatalogEntitiesProcessor } from './processor';
export type { EntityLookup } from './lookup';
export { CatalogStateEntityLookup } from './lookup';
export { ChangeAnnouncer } from './changes/ChangeAnnouncer';
