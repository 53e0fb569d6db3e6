// The data catalog portal's backend: Backstage's catalog taught the data
// catalog's kinds, with sign-in, permissions and search.

import { createBackend } from '@backstage/backend-defaults';
import { permissionModuleDataCatalogPolicy } from './permissionPolicy';
import { signInProviders } from './signInProviders';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Microsoft Entra ID and Google when configured; guest in development only.
backend.add(signInProviders);

// The catalog publishes and subscribes to events; without the events
// backend it warns at start-up and only sees events from its own process.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-data-catalog'));
backend.add(
  import('@internal/plugin-catalog-backend-module-data-catalog-openlineage'),
);

// Gaps per district, lineage, annotations and action plans.
backend.add(import('@internal/plugin-data-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Everyone signed in reads; owners and district data teams write.
backend.add(permissionModuleDataCatalogPolicy);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Data sources, elements and indicators as their own result type, with
// facets; app-config.yaml keeps them out of the catalog collator.
backend.add(import('@internal/plugin-search-backend-module-data-catalog'));

// Owners hear of changes upstream of their indicators; signals push the
// notices to open pages.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Exposes the actions plugins register, the data catalog's gap and lineage
// questions among them, to assistants over the Model Context Protocol.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
