import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';

jest.setTimeout(120_000);

const API = '/api/data-catalog';
const SOURCE = `${API}/annotations/sources/default/alder-creek-sis`;
const INDICATOR = `${API}/annotations/indicators/default/chronic-absence/districts/alder-creek`;
const ACTIONS = `${API}/districts/alder-creek/actions`;

// Values a student's record would hold, and how the refusal masks each.
const SSN = 'Maria Lopez SSN 123-45-6789';
const STUDENT_ID = 'Blank for 2087654321 since the upgrade';
const BIRTH_DATE = 'Lopez, Maria DOB 03/04/2012 has no flag';
const FULL_VALUES = ['123-45-6789', '2087654321', '03/04/2012', 'Lopez'];

// Written beside each refused write, to show the check is not the cause
// of refusals: metadata with numbers and dates in it is stored.
const METADATA =
  'IEP_FLAG (CEDS 000255) blank for 2023-24 in grades K-12; ' +
  'last verified 2026-11-30; vendor help desk 518-555-0100; 1,250 students.';

const asUser = () => mockCredentials.user.header('user:default/ada-quill');

// The check is on request bodies, before the database is reached, so one
// database shows it.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('writes with text that looks like a student record', () => {
  let backend: Awaited<ReturnType<typeof startPluginBackend>>;

  const send = (method: 'put' | 'post' | 'patch', url: string, body: object) =>
    request(backend.server)
      [method](url)
      .set('Authorization', asUser())
      .send(body);
  const get = (url: string) =>
    request(backend.server).get(url).set('Authorization', asUser());

  /** Expects a 400 naming the field, explaining, and masking the value. */
  function expectRefused(res: request.Response, field: string) {
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    const message: string = res.body.error.message;
    expect(message).toMatch(
      new RegExp(
        `^Invalid request body: body\\.${field}: looks like a student record: `,
      ),
    );
    expect(message).toContain('FERPA and New York Education Law 2-d');
    expect(message).toContain('holds metadata about data');
    for (const value of FULL_VALUES) {
      expect(JSON.stringify(res.body)).not.toContain(value);
    }
  }

  async function expectNothingWritten() {
    const history = await get(`${API}/history?district=alder-creek`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([]);
  }

  beforeAll(async () => {
    backend = await startPluginBackend({ databases });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it("refuses a source's notes with a social security number", async () => {
    const res = await send('put', SOURCE, { version: 0, notes: SSN });
    expectRefused(res, 'notes');
    expect(res.body.error.message).toContain(
      'a social security number (***-**-**89)',
    );
    const stored = await get(SOURCE);
    expect(stored.body).toMatchObject({ version: 0, corrections: [] });
    expect(stored.body.notes).toBeUndefined();
    await expectNothingWritten();
  });

  it('refuses a correction whose reason holds a student ID, naming it', async () => {
    const res = await send('put', SOURCE, {
      version: 0,
      notes: METADATA,
      corrections: [
        { element: 'daily-attendance', status: 'unusable', reason: 'Moved' },
        { element: 'disability-status', status: 'partial', reason: STUDENT_ID },
      ],
    });
    expectRefused(res, 'corrections\\.1\\.reason');
    expect(res.body.error.message).toContain('(********21)');
    expect(res.body.error.message).not.toContain('body.notes');
    expect((await get(SOURCE)).body.version).toBe(0);
    await expectNothingWritten();
  });

  it("refuses an indicator's notes with a date of birth beside a name", async () => {
    const res = await send('put', INDICATOR, { version: 0, notes: BIRTH_DATE });
    expectRefused(res, 'notes');
    expect(res.body.error.message).toContain('L****, M**** DOB **/**/****');
    expect((await get(INDICATOR)).body.version).toBe(0);
    await expectNothingWritten();
  });

  it("refuses a new action item's step", async () => {
    const res = await send('post', ACTIONS, {
      indicator: 'chronic-absence',
      step: `Fix the record of ${STUDENT_ID}`,
      owner: 'ada-quill',
      dueDate: '2026-12-31',
    });
    expectRefused(res, 'step');
    expect((await get(ACTIONS)).body.items).toEqual([]);
    await expectNothingWritten();
  });

  it('stores metadata, and then refuses a change that adds a student record', async () => {
    const annotation = await send('put', SOURCE, {
      version: 0,
      notes: METADATA,
    });
    expect(annotation.status).toBe(200);
    expect(annotation.body.notes).toBe(METADATA);

    const created = await send('post', ACTIONS, {
      indicator: 'chronic-absence',
      step: 'Ask for the 2024-25 export keyed by the 10-digit NYSSIS ID',
      owner: 'ada-quill',
      dueDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    const item = `${API}/actions/${created.body.id}`;

    const changed = await send('patch', item, { version: 1, step: SSN });
    expectRefused(changed, 'step');
    const stored = await get(item);
    expect(stored.body).toMatchObject({
      version: 1,
      step: 'Ask for the 2024-25 export keyed by the 10-digit NYSSIS ID',
    });

    const renoted = await send('put', SOURCE, {
      version: annotation.body.version,
      notes: `${METADATA} ${BIRTH_DATE}`,
    });
    expectRefused(renoted, 'notes');
    expect((await get(SOURCE)).body.notes).toBe(METADATA);
  });
});
