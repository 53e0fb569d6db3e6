import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';

jest.setTimeout(120_000);

const API = '/api/data-catalog';
const SOURCE = `${API}/annotations/sources/default/alder-creek-sis`;
const ACTIONS = `${API}/districts/alder-creek/actions`;
const ATTENDANCE = 'dataelement:default/daily-attendance-status';

const asUser = () => mockCredentials.user.header('user:default/ada-quill');

// Bodies are checked before the database is reached, so one database
// shows it.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('request bodies the routes refuse', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;

  const put = (body: unknown) =>
    request(backend.server)
      .put(SOURCE)
      .set('Authorization', asUser())
      .send(body as object);

  async function expectNothingWritten() {
    const stored = await request(backend.server)
      .get(SOURCE)
      .set('Authorization', asUser());
    expect(stored.body.version).toBe(0);
    const history = await request(backend.server)
      .get(`${API}/history?district=alder-creek`)
      .set('Authorization', asUser());
    expect(history.body.items).toEqual([]);
  }

  beforeAll(async () => {
    backend = await startPluginBackend({ databases });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('refuses more corrections than a source can have, naming the field', async () => {
    const corrections = Array.from({ length: 501 }, () => ({
      element: ATTENDANCE,
      status: 'partial',
      reason: 'Codes changed',
    }));

    const res = await put({ version: 0, corrections });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/body\.corrections: .*500/);
    await expectNothingWritten();
  });

  it('refuses a body over 256 kB with 413, before reading it', async () => {
    const res = await put({ version: 0, notes: 'x'.repeat(300 * 1024) });

    expect(res.status).toBe(413);
    await expectNothingWritten();
  });

  it('refuses a body that is not a JSON object', async () => {
    const asArray = await put([{ version: 0 }]);
    const asText = await request(backend.server)
      .put(SOURCE)
      .set('Authorization', asUser())
      .set('Content-Type', 'application/json')
      .send('{"version": 0, "notes": ');

    expect(asArray.status).toBe(400);
    expect(asText.status).toBe(400);
    await expectNothingWritten();
  });

  it('names every wrong field of an action item at once', async () => {
    const res = await request(backend.server)
      .post(ACTIONS)
      .set('Authorization', asUser())
      .send({
        indicator: 42,
        step: ['not', 'text'],
        dueDate: '2027-02-30',
        status: 'someday',
        priority: 'high',
      });

    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    for (const field of ['indicator', 'step', 'dueDate', 'status']) {
      expect(message).toContain(`body.${field}`);
    }
    expect(message).toContain('body.priority: unknown field');
  });
});
