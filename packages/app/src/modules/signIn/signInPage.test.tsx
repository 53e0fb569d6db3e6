import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  googleAuthApiRef,
  microsoftAuthApiRef,
} from '@backstage/core-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { screen } from '@testing-library/react';
import { signInPage } from './index';

// Nobody is signed in yet, so the page shows its buttons; the test asks no
// identity provider.
const signedOut = {
  getBackstageIdentity: async () => undefined,
  getProfile: async () => undefined,
};

async function renderSignIn(config?: { providers?: string[] }) {
  const SignInPage = createExtensionTester(signInPage, {
    config: config as any,
  }).get(SignInPageBlueprint.dataRefs.component);
  renderInTestApp(<SignInPage onSignInSuccess={jest.fn()} />, {
    config: {
      app: { title: 'District Data Catalog' },
      backend: { baseUrl: 'http://localhost:7007' },
    },
    apis: [
      [microsoftAuthApiRef, signedOut],
      [googleAuthApiRef, signedOut],
    ],
  });
  // The page is loaded lazily and checks for a session before it shows.
  await screen.findAllByRole('button');
}

describe('the sign-in page', () => {
  it('offers guest where the config lists it, as the local config does', async () => {
    await renderSignIn({ providers: ['guest'] });
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.queryByText('Microsoft')).not.toBeInTheDocument();
  });

  it('offers Microsoft and Google, and no guest, as production does', async () => {
    await renderSignIn({ providers: ['microsoft', 'google'] });
    expect(screen.getByText('Microsoft')).toBeInTheDocument();
    expect(screen.getByText('Google')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });

  it('offers no guest when the config names no providers', async () => {
    await renderSignIn();
    expect(screen.getByText('Microsoft')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });

  it('refuses a provider it does not know', () => {
    expect(() =>
      createExtensionTester(signInPage, {
        config: { providers: ['github'] } as any,
      }).get(SignInPageBlueprint.dataRefs.component),
    ).toThrow(
      /expected one of "guest"\|"microsoft"\|"google" at .providers\.0./,
    );
  });
});
