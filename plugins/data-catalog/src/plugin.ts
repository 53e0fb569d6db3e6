import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataCatalogClient, dataCatalogApiRef } from './api';
import { rootRouteRef } from './routes';

/** The data catalog frontend plugin, for apps on the legacy system. */
export const dataCatalogPlugin = createPlugin({
  id: 'data-catalog',
  apis: [
    createApiFactory({
      api: dataCatalogApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DataCatalogClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The data catalog's pages: district gaps, region, action plans, elements. */
export const DataCatalogPage = dataCatalogPlugin.provide(
  createRoutableExtension({
    name: 'DataCatalogPage',
    component: () =>
      import('./components/DataCatalogPage').then(m => m.DataCatalogPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A data source's overview: district, vendor, access, coverage, privacy.
 * Place it in the main column at full width: its facts take two columns
 * there and stack in a narrow one.
 */
export const EntityDataSourceOverviewCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntityDataSourceOverviewCard',
    component: {
      lazy: () =>
        import('./components/DataSourceOverviewCard').then(
          m => m.DataSourceOverviewCard,
        ),
    },
  }),
);

/**
 * A data element's overview: definition, shape of a value, privacy, CEDS
 * and Ed-Fi mappings, and the indicators and sources linked to it.
 */
export const EntityDataElementOverviewCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntityDataElementOverviewCard',
    component: {
      lazy: () =>
        import('./components/DataElementOverviewCard').then(
          m => m.DataElementOverviewCard,
        ),
    },
  }),
);

/** The elements a data source provides, sortable and filterable. */
export const EntityProvidedElementsCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntityProvidedElementsCard',
    component: {
      lazy: () =>
        import('./components/ProvidedElementsCard').then(
          m => m.ProvidedElementsCard,
        ),
    },
  }),
);

/** Owners' annotation of a data source, with corrections and history. */
export const EntitySourceAnnotationCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntitySourceAnnotationCard',
    component: {
      lazy: () =>
        import('./components/SourceAnnotationCard').then(
          m => m.SourceAnnotationCard,
        ),
    },
  }),
);

/** An indicator's status in every district, with its changes over time. */
export const EntityIndicatorDistrictsCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntityIndicatorDistrictsCard',
    component: {
      lazy: () =>
        import('./components/IndicatorDistrictsCard').then(
          m => m.IndicatorDistrictsCard,
        ),
    },
  }),
);

/** Upstream and downstream of a source, element or indicator. */
export const EntityLineageCard = dataCatalogPlugin.provide(
  createComponentExtension({
    name: 'EntityLineageCard',
    component: {
      lazy: () => import('./components/LineageCard').then(m => m.LineageCard),
    },
  }),
);
