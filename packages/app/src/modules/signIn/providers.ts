import type { SignInProviderConfig } from '@backstage/core-components';
import {
  googleAuthApiRef,
  microsoftAuthApiRef,
} from '@backstage/core-plugin-api';

/**
 * Every sign-in provider the portal can offer, by the name the sign-in
 * page's config lists it under. The backend serves each only when
 * app-config configures it.
 */
export const signInProviders = {
  // Backstage's own guest button, "Enter"; local development only.
  guest: 'guest',
  microsoft: {
    id: 'microsoft-auth-provider',
    title: 'Microsoft',
    message: 'Sign in with your district Microsoft account',
    apiRef: microsoftAuthApiRef,
  },
  google: {
    id: 'google-auth-provider',
    title: 'Google',
    message: 'Sign in with your district Google Workspace account',
    apiRef: googleAuthApiRef,
  },
} as const satisfies Record<string, 'guest' | SignInProviderConfig>;

/** The name of a provider in the sign-in page's config. */
export type SignInProviderId = keyof typeof signInProviders;

/** What the sign-in page offers when its config names no providers. */
export const defaultSignInProviders: SignInProviderId[] = [
  'microsoft',
  'google',
];
