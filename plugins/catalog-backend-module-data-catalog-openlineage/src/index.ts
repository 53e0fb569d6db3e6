/**
 * A catalog module that turns OpenLineage run events into lineage between
 * the data catalog's DataSources.
 *
 * @packageDocumentation
 */

export { catalogModuleDataCatalogOpenLineage as default } from './module';
