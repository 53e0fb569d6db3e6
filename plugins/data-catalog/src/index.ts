/**
 * The data catalog frontend plugin: district gap view, regional matrix,
 * action plans, element comparison, and entity cards for data sources,
 * elements and indicators. For the new frontend system, import from
 * `@internal/plugin-data-catalog/alpha`.
 *
 * @packageDocumentation
 */

export {
  dataCatalogPlugin,
  DataCatalogPage,
  EntityDataElementOverviewCard,
  EntityDataSourceOverviewCard,
  EntityIndicatorDistrictsCard,
  EntityLineageCard,
  EntityProvidedElementsCard,
  EntitySourceAnnotationCard,
} from './plugin';
export * from './api';
export { rootRouteRef } from './routes';
