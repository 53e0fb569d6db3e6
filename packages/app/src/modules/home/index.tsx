import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/** The portal's root: no page of its own, it leads to the catalog. */
export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    PageBlueprint.make({
      name: 'home-redirect',
      params: {
        path: '/',
        loader: () => import('./HomeRedirect').then(m => <m.HomeRedirect />),
      },
    }),
  ],
});
