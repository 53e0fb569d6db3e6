// The data catalog portal's backend: Backstage's catalog taught the data
// catalog's kinds, with sign-in, permissions and search.

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Only app-config.yaml configures the guest provider; production config
// configures a real sign-in provider instead.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The catalog publishes and subscribes to events; without the events
// backend it warns at start-up and only sees events from its own process.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-data-catalog'));

// Gaps per district, lineage, annotations and action plans.
backend.add(import('@internal/plugin-data-catalog-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// TODO(permissions): replace allow-all with a policy that lets only a source's
// owners and the district data team write annotations, once the data catalog
// backend plugin has write routes to protect.
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.start();
