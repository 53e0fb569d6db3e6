import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { signInProviders } from './signInProviders';

jest.setTimeout(60_000);

const guestUser = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'guest', namespace: 'default' },
  spec: { memberOf: [] },
};

const guest = { userEntityRef: 'user:default/guest' };
const microsoft = {
  production: {
    clientId: 'district-client',
    clientSecret: 'district-secret',
    tenantId: 'district-tenant',
    signIn: {
      resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
    },
  },
};
const google = {
  production: {
    clientId: 'district-client.apps.googleusercontent.com',
    clientSecret: 'district-secret',
    signIn: {
      resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
    },
  },
};
// What app-config.production.yaml leaves of Google when its variables are
// unset: the resolvers, without a client.
const googleUnset = { production: { signIn: google.production.signIn } };

/** What the auth backend answered for one provider, in a word or three. */
function outcome(res: request.Response): string {
  if (res.status === 302) {
    return `redirect to ${new URL(res.headers.location).host}`;
  }
  if (res.status === 200) {
    return `signed in as ${res.body.backstageIdentity.identity.userEntityRef}`;
  }
  return `${res.status} ${res.body.error?.message}`;
}

/**
 * Starts the auth backend with the sign-in providers under `NODE_ENV`, and
 * says what each provider's sign-in route answers.
 */
async function signIn(
  nodeEnv: string,
  providers: JsonObject,
): Promise<Record<string, string>> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  const backend = await startTestBackend({
    features: [
      authPlugin,
      signInProviders,
      catalogServiceMock.factory({ entities: [guestUser] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: { providers },
        },
      }),
    ],
  });
  try {
    const answers: Record<string, string> = {};
    for (const [id, route] of [
      ['guest', '/api/auth/guest/refresh'],
      ['microsoft', '/api/auth/microsoft/start?env=production'],
      ['google', '/api/auth/google/start?env=production'],
    ]) {
      answers[id] = outcome(await request(backend.server).get(route));
    }
    return answers;
  } finally {
    await backend.stop();
    process.env.NODE_ENV = previous;
  }
}

const unknown = (id: string) => `404 Unknown auth provider '${id}'`;

describe('the sign-in providers', () => {
  it('serve guest in local development, where it is configured', async () => {
    expect(await signIn('development', { guest })).toEqual({
      guest: 'signed in as user:default/guest',
      microsoft: unknown('microsoft'),
      google: unknown('google'),
    });
  });

  it('never serve guest in production, even when it is configured', async () => {
    // The guest module's own escape hatch does not bring it back.
    const allowed = { ...guest, dangerouslyAllowOutsideDevelopment: true };
    expect(await signIn('production', { guest: allowed })).toEqual({
      guest: unknown('guest'),
      microsoft: unknown('microsoft'),
      google: unknown('google'),
    });
  });

  it('serve Microsoft and Google when their clients are configured', async () => {
    expect(await signIn('production', { microsoft, google })).toEqual({
      guest: unknown('guest'),
      microsoft: 'redirect to login.microsoftonline.com',
      google: 'redirect to accounts.google.com',
    });
  });

  it('leave out a provider whose client is not configured', async () => {
    expect(
      await signIn('production', { microsoft, google: googleUnset }),
    ).toEqual({
      guest: unknown('guest'),
      microsoft: 'redirect to login.microsoftonline.com',
      google: unknown('google'),
    });
  });
});
