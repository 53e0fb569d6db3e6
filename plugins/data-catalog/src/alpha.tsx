import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterBlueprint,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  DATA_CATALOG_API_VERSION,
  DATA_CATALOG_SEARCH_TYPE,
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from '@internal/plugin-data-catalog-common';
import { Entity } from '@backstage/catalog-model';
import StorageIcon from '@material-ui/icons/Storage';
import { DataCatalogClient, dataCatalogApiRef } from './api';
import { DataCatalogSearchFilters } from './components/search/DataCatalogSearchFilters';
import { rootRouteRef } from './routes';

const ofKinds =
  (...kinds: string[]) =>
  (entity: Entity) =>
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    kinds.includes(entity.kind);

const dataCatalogApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataCatalogApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DataCatalogClient(deps),
    }),
});

const dataCatalogPage = PageBlueprint.make({
  params: {
    path: '/data-catalog',
    title: 'Data gaps',
    icon: <StorageIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/DataCatalogPage').then(m =>
        compatWrapper(<m.DataCatalogPage />),
      ),
  },
});

// The overviews are content cards: Backstage's info column is sticky and
// capped at the screen's height with no scrollbar, which cut them short.
const dataSourceOverviewCard = EntityCardBlueprint.make({
  name: 'data-source-overview',
  params: {
    type: 'content',
    filter: ofKinds(DATA_SOURCE_KIND),
    loader: () =>
      import('./components/DataSourceOverviewCard').then(m =>
        compatWrapper(<m.DataSourceOverviewCard />),
      ),
  },
});

const dataElementOverviewCard = EntityCardBlueprint.make({
  name: 'data-element-overview',
  params: {
    type: 'content',
    filter: ofKinds(DATA_ELEMENT_KIND),
    loader: () =>
      import('./components/DataElementOverviewCard').then(m =>
        compatWrapper(<m.DataElementOverviewCard />),
      ),
  },
});

const providedElementsCard = EntityCardBlueprint.make({
  name: 'provided-elements',
  params: {
    type: 'content',
    filter: ofKinds(DATA_SOURCE_KIND),
    loader: () =>
      import('./components/ProvidedElementsCard').then(m =>
        compatWrapper(<m.ProvidedElementsCard />),
      ),
  },
});

const sourceAnnotationCard = EntityCardBlueprint.make({
  name: 'source-annotation',
  params: {
    type: 'content',
    filter: ofKinds(DATA_SOURCE_KIND),
    loader: () =>
      import('./components/SourceAnnotationCard').then(m =>
        compatWrapper(<m.SourceAnnotationCard />),
      ),
  },
});

const indicatorDistrictsCard = EntityCardBlueprint.make({
  name: 'indicator-districts',
  params: {
    type: 'content',
    filter: ofKinds(INDICATOR_KIND),
    loader: () =>
      import('./components/IndicatorDistrictsCard').then(m =>
        compatWrapper(<m.IndicatorDistrictsCard />),
      ),
  },
});

const lineageCard = EntityCardBlueprint.make({
  name: 'lineage',
  params: {
    type: 'content',
    filter: ofKinds(DATA_SOURCE_KIND, DATA_ELEMENT_KIND, INDICATOR_KIND),
    loader: () =>
      import('./components/LineageCard').then(m =>
        compatWrapper(<m.LineageCard />),
      ),
  },
});

// Search: sources, elements and indicators as a result type of their own,
// each result with its district, stage and construct, and filters for them.
const searchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => result.type === DATA_CATALOG_SEARCH_TYPE,
    component: () =>
      import('./components/search').then(
        m => m.DataCatalogSearchResultListItem,
      ),
  },
});

const searchResultType = SearchFilterResultTypeBlueprint.make({
  params: {
    value: DATA_CATALOG_SEARCH_TYPE,
    name: 'Data catalog',
    icon: <StorageIcon />,
  },
});

const searchFilters = SearchFilterBlueprint.make({
  params: { component: DataCatalogSearchFilters },
});

/** The data catalog frontend plugin for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'data-catalog',
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    dataCatalogApi,
    dataCatalogPage,
    dataSourceOverviewCard,
    dataElementOverviewCard,
    providedElementsCard,
    sourceAnnotationCard,
    indicatorDistrictsCard,
    lineageCard,
    searchResultListItem,
    searchResultType,
    searchFilters,
  ],
});
