import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import dataCatalogPlugin from '@internal/plugin-data-catalog/alpha';
import { catalogGraphModule } from './modules/catalogGraph';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/** The portal: Backstage's catalog, its graph, org pages and search. */
export default createApp({
  features: [
    catalogPlugin,
    // Cards show in the order their plugins are listed: the data catalog's
    // overviews first, above the catalog graph's Relations card.
    dataCatalogPlugin,
    catalogGraphPlugin,
    notificationsPlugin,
    orgPlugin,
    searchPlugin,
    userSettingsPlugin,
    catalogGraphModule,
    homeModule,
    navModule,
    signInModule,
  ],
});
