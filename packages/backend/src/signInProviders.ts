import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import googleProvider from '@backstage/plugin-auth-backend-module-google-provider';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import microsoftProvider from '@backstage/plugin-auth-backend-module-microsoft-provider';

/**
 * Whether an OAuth provider has a client ID in any of its environments. A
 * provider whose variables are unset is left out rather than started half
 * configured, which would stop a production backend from starting.
 */
function hasClientId(config: Config, providerId: string): boolean {
  const provider = config.getOptionalConfig(`auth.providers.${providerId}`);
  return (provider?.keys() ?? []).some(environment =>
    provider?.getOptionalConfig(environment)?.has('clientId'),
  );
}

/**
 * The sign-in providers, each loaded only when the configuration sets it
 * up. Guest sign-in is loaded only in development, whatever the
 * configuration says, so a production backend never offers it: a district
 * portal must know who changed what.
 */
export const signInProviders = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig, logger: coreServices.rootLogger },
  *loader({ config, logger }) {
    if (config.has('auth.providers.guest')) {
      if (process.env.NODE_ENV === 'development') {
        yield guestProvider;
      } else {
        logger.warn(
          'Guest sign-in is configured but not loaded: it is for local ' +
            `development only (NODE_ENV=${process.env.NODE_ENV ?? 'unset'})`,
        );
      }
    }
    if (hasClientId(config, 'microsoft')) {
      yield microsoftProvider;
    }
    if (hasClientId(config, 'google')) {
      yield googleProvider;
    }
  },
});
