import {
  ConfigSources,
  FileConfigSource,
  loadConfigSchema,
} from '@backstage/config-loader';
import path from 'node:path';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../../..');
const LOCAL = ['app-config.yaml'];
// As the README's production command loads them, production last.
const PRODUCTION = ['app-config.yaml', 'app-config.production.yaml'];

const districtEnv = {
  APP_BASE_URL: 'https://catalog.northlake.example.org',
  POSTGRES_HOST: 'db',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'catalog',
  POSTGRES_PASSWORD: 'secret',
  AUTH_MICROSOFT_CLIENT_ID: 'ms-client',
  AUTH_MICROSOFT_CLIENT_SECRET: 'ms-secret',
  AUTH_MICROSOFT_TENANT_ID: 'ms-tenant',
  AUTH_GOOGLE_CLIENT_ID: 'google-client',
  AUTH_GOOGLE_CLIENT_SECRET: 'google-secret',
};

function sources(files: string[], env: Record<string, string>) {
  return ConfigSources.merge(
    files.map(file =>
      FileConfigSource.create({
        path: path.join(root, file),
        watch: false,
        substitutionFunc: async name => env[name],
      }),
    ),
  );
}

/** The configuration the backend would read from these files. */
async function load(files: string[], env: Record<string, string> = {}) {
  const config = await ConfigSources.toConfig(sources(files, env));
  config.close();
  return config;
}

/** The files' contents, each file on its own, as the schema checks them. */
async function readConfigs(files: string[], env: Record<string, string>) {
  for await (const { configs } of sources(files, env).readConfigData()) {
    return configs;
  }
  throw new Error(`No configuration read from ${files.join(', ')}`);
}

/** The providers the sign-in page's config lists. */
function signInPageProviders(config: Awaited<ReturnType<typeof load>>) {
  const entries =
    config.getOptional<Array<Record<string, any>>>('app.extensions');
  const page = entries?.find(e => 'sign-in-page:app' in e);
  return page?.['sign-in-page:app'].config.providers;
}

describe('the sign-in configuration', () => {
  it('offers guest sign-in locally', async () => {
    const config = await load(LOCAL);
    expect(config.getConfig('auth.providers').keys()).toEqual(['guest']);
    expect(signInPageProviders(config)).toEqual(['guest']);
  });

  it('leaves guest sign-in out of production, though it loads the local file', async () => {
    const config = await load(PRODUCTION, districtEnv);
    expect(config.has('auth.providers.guest')).toBe(false);
    expect(config.getConfig('auth.providers').keys().sort()).toEqual([
      'google',
      'microsoft',
    ]);
    expect(signInPageProviders(config)).toEqual(['microsoft', 'google']);
  });

  it('configures the providers from the environment, for production', async () => {
    const config = await load(PRODUCTION, districtEnv);
    expect(config.getString('auth.environment')).toBe('production');
    expect(
      config.getConfig('auth.providers.microsoft.production').get(),
    ).toEqual({
      clientId: 'ms-client',
      clientSecret: 'ms-secret',
      tenantId: 'ms-tenant',
      signIn: {
        resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
      },
    });
    expect(config.getConfig('auth.providers.google.production').get()).toEqual({
      clientId: 'google-client',
      clientSecret: 'google-secret',
      signIn: {
        resolvers: [{ resolver: 'emailMatchingUserEntityProfileEmail' }],
      },
    });
  });

  it('gives the backend no client for a provider whose variables are unset', async () => {
    const { AUTH_GOOGLE_CLIENT_ID, AUTH_GOOGLE_CLIENT_SECRET, ...msOnly } =
      districtEnv;
    const config = await load(PRODUCTION, msOnly);
    expect(config.has('auth.providers.google.production.clientId')).toBe(false);
    expect(config.has('auth.providers.microsoft.production.clientId')).toBe(
      true,
    );
  });

  it("matches the schemas of the backend's and the app's packages", async () => {
    const schema = await loadConfigSchema({ dependencies: ['backend'] });
    const production = await readConfigs(PRODUCTION, districtEnv);
    expect(() => schema.process(production)).not.toThrow();

    // The check is real: a Microsoft client without its tenant is refused.
    const { AUTH_MICROSOFT_TENANT_ID, ...noTenant } = districtEnv;
    const withoutTenant = await readConfigs(PRODUCTION, noTenant);
    expect(() => schema.process(withoutTenant)).toThrow(/tenantId/);
  });
});
