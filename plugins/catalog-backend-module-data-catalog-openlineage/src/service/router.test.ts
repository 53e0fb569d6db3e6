import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { LANDING, ODS, runEvent } from '../__testUtils__/events';
import { startCatalog } from '../__testUtils__/startCatalog';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const EVENTS = '/api/catalog/openlineage/events';
const UNKNOWN = '/api/catalog/openlineage/unknown-datasets';

describe('the OpenLineage routes on the catalog', () => {
  let catalog: Awaited<ReturnType<typeof startCatalog>>;

  beforeAll(async () => {
    catalog = await startCatalog({ knex: await databases.init('SQLITE_3') });
  });

  afterAll(async () => {
    await catalog?.stop();
  });

  it('refuses requests without a token, like the rest of the catalog', async () => {
    const posted = await request(catalog.server).post(EVENTS).send(runEvent());
    const listed = await request(catalog.server).get(UNKNOWN);

    expect(posted.status).toBe(401);
    expect(listed.status).toBe(401);
    expect(
      (await request(catalog.server).get('/api/catalog/entities')).status,
    ).toBe(401);
  });

  it('answers which datasets it could not place, and lists them after', async () => {
    const posted = await request(catalog.server)
      .post(EVENTS)
      .set('Authorization', catalog.asService)
      .send([runEvent()]);

    expect(posted.status).toBe(200);
    expect(posted.body).toEqual({
      events: 1,
      datasets: {
        matched: [],
        unknown: [
          { namespace: LANDING, name: 'ixl/alder-creek/usage.csv' },
          { namespace: ODS, name: 'EdFi_Ods.rdw.PlatformUsage' },
        ],
        ambiguous: [],
      },
      lineage: [],
    });

    const listed = await request(catalog.server)
      .get(UNKNOWN)
      .set('Authorization', catalog.asService);
    expect(listed.status).toBe(200);
    expect(listed.body.unknown).toEqual(
      expect.arrayContaining([
        {
          namespace: LANDING,
          name: 'ixl/alder-creek/usage.csv',
          firstSeenAt: '2026-12-03T02:15:00.000Z',
          lastSeenAt: '2026-12-03T02:15:00.000Z',
        },
      ]),
    );
  });

  it.each([
    [
      'a bad field',
      runEvent({ job: { namespace: 'northlake-rdw' } }),
      'Invalid OpenLineage run event: job.name: missing',
    ],
    [
      'a bad event in a list',
      [runEvent(), runEvent({ eventTime: 'yesterday' })],
      'Invalid OpenLineage run event [1]: eventTime: expected an ISO 8601',
    ],
    [
      'too many events',
      Array.from({ length: 501 }, () => runEvent()),
      'Expected at most 500 OpenLineage run events in one request, found 501',
    ],
  ])('refuses %s, naming it, and records nothing', async (_, body, message) => {
    const before = await request(catalog.server)
      .get(UNKNOWN)
      .set('Authorization', catalog.asService);

    const posted = await request(catalog.server)
      .post(EVENTS)
      .set('Authorization', catalog.asService)
      .send(body as object);

    expect(posted.status).toBe(400);
    expect(posted.body.error).toMatchObject({ name: 'InputError' });
    expect(posted.body.error.message).toContain(message);
    const after = await request(catalog.server)
      .get(UNKNOWN)
      .set('Authorization', catalog.asService);
    expect(after.body).toEqual(before.body);
  });

  it('refuses a body that is not JSON', async () => {
    const asText = await request(catalog.server)
      .post(EVENTS)
      .set('Authorization', catalog.asService)
      .set('Content-Type', 'text/plain')
      .send('START nightly');
    const broken = await request(catalog.server)
      .post(EVENTS)
      .set('Authorization', catalog.asService)
      .set('Content-Type', 'application/json')
      .send('{"eventType": ');

    expect(asText.status).toBe(400);
    expect(asText.body.error.message).toContain(
      'content type application/json',
    );
    expect(broken.status).toBe(400);
  });

  it('refuses a body over 5 MB', async () => {
    const huge = runEvent({ padding: 'x'.repeat(6 * 1024 * 1024) });

    const posted = await request(catalog.server)
      .post(EVENTS)
      .set('Authorization', catalog.asService)
      .send(huge);

    expect(posted.status).toBe(413);
  });

  it('leaves the catalog’s own routes working', async () => {
    const response = await request(catalog.server)
      .get('/api/catalog/entities')
      .set('Authorization', catalog.asService);

    expect(response.status).toBe(200);
  });
});
