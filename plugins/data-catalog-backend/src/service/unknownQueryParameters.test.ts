import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(120_000);

type Json = any;

const document: Json = parse(
  fs.readFileSync(path.join(__dirname, '../schema/openapi.yaml'), 'utf8'),
);

// A value for each path parameter and required query parameter. None of
// them needs to exist: the catalog is empty, and the query is checked first.
const SAMPLES: Record<string, string> = {
  district: 'alder-creek',
  indicator: 'chronic-absence',
  kind: 'datasource',
  namespace: 'default',
  name: 'alder-creek-sis',
  id: '00000000-0000-4000-8000-000000000000',
  subject: 'group:default/alder-creek',
};

/** Every documented operation, with its path filled in from the samples. */
function operations(): Array<[string, string, string]> {
  return Object.entries(document.paths as Record<string, Json>).flatMap(
    ([route, item]) =>
      ['get', 'put', 'post', 'patch', 'delete']
        .filter(method => item[method])
        .map(method => {
          const required = (item[method].parameters ?? [])
            .map((p: Json) => (p.$ref ? {} : p))
            .filter((p: Json) => p.in === 'query' && p.required)
            .map(
              (p: Json) => `${p.name}=${encodeURIComponent(SAMPLES[p.name])}`,
            );
          const url = route.replace(/\{(\w+)\}/g, (_, name) => SAMPLES[name]);
          return [
            `${method.toUpperCase()} ${route}`,
            method,
            `/api/data-catalog${url}?${[...required, 'colour=red'].join('&')}`,
          ] as [string, string, string];
        }),
  );
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('every route of the data catalog', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        dataCatalogPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('is documented, so that each is tried below', () => {
    expect(operations().length).toBeGreaterThanOrEqual(22);
  });

  it.each(operations())(
    'rejects an unknown query parameter on %s, naming it',
    async (_operation, method, url) => {
      const res = await request(backend.server)
        [method as 'get' | 'put' | 'post' | 'patch' | 'delete'](url)
        .set('Authorization', mockCredentials.user.header())
        .send(method === 'get' ? undefined : {});
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        name: 'InputError',
        message: 'Invalid request query: query.colour: unknown parameter',
      });
    },
  );

  it('names every unknown parameter, beside any bad known one', async () => {
    const res = await request(backend.server)
      .get('/api/data-catalog/lineage/datasource/default/x?depth=0&b=1&a=2')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid request query: query.depth: Too small: expected number to be >=1; query.b: unknown parameter; query.a: unknown parameter',
    );
  });

  it('still answers a request with no query or only known parameters', async () => {
    const get = (url: string) =>
      request(backend.server)
        .get(`/api/data-catalog${url}`)
        .set('Authorization', mockCredentials.user.header());
    expect((await get('/region/matrix')).status).toBe(200);
    expect((await get('/districts')).status).toBe(200);
    expect((await get('/elements/comparison?subgroup=true')).status).toBe(200);
    expect((await get('/history?limit=5')).status).toBe(200);
  });
});
