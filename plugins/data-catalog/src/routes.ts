import { createRouteRef } from '@backstage/core-plugin-api';

/** The data catalog's own pages, under one route with tabs. */
export const rootRouteRef = createRouteRef({ id: 'data-catalog' });
