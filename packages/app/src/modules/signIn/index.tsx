import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { z } from 'zod/v4';
import {
  defaultSignInProviders,
  SignInProviderId,
  signInProviders,
} from './providers';

const providerIds = Object.keys(signInProviders) as [
  SignInProviderId,
  ...SignInProviderId[],
];

/**
 * The sign-in page, offering the providers its config lists: guest in the
 * local config, the district's identity providers in production. It
 * replaces the app's default page, which offers guest everywhere.
 */
export const signInPage = SignInPageBlueprint.makeWithOverrides({
  // Without a list the page offers the real providers, never guest: guest
  // must be asked for by name, as only the local config does.
  configSchema: {
    providers: z
      .array(z.enum(providerIds))
      .min(1)
      .default(defaultSignInProviders),
  },
  factory(originalFactory, { config }) {
    const providers = [...new Set(config.providers)].map(
      id => signInProviders[id],
    );
    return originalFactory({
      loader: async () => {
        const { SignInPage } = await import('@backstage/core-components');
        return props => <SignInPage {...props} providers={providers} />;
      },
    });
  },
});

/** Sign-in for the portal, configured per deployment in app-config. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
