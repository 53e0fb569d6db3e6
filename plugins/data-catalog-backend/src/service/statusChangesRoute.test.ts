import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataSource,
  group,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import request from 'supertest';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(120_000);

const ABSENCE = 'indicator:default/chronic-absence';
const ALDER = 'group:default/alder-creek';
const BIRCH = 'group:default/birch-harbor';
const API = '/api/data-catalog';
const CHANGES = `${API}/indicators/chronic-absence/status-changes`;

// Alder Creek's SIS holds attendance, and disability status for K only;
// Birch Harbor has no source at all.
const entities = [
  ...referencedEntities(),
  group('birch-harbor', 'district', 'northlake-boces'),
  dataSource('alder-creek-sis'),
  indicator('chronic-absence'),
];

type Change = {
  district: string;
  from?: string;
  to: string;
  reasons: string[];
  cause: string;
  changedAt: string;
};

// The refresh is run by the test rather than at start-up, so that the
// first snapshots are the refresh's and not the daily task's.
let scheduler: SchedulerService;
const schedulerOfThePlugin = createBackendModule({
  pluginId: 'data-catalog',
  moduleId: 'test-scheduler',
  register(env) {
    env.registerInit({
      deps: { pluginScheduler: coreServices.scheduler },
      async init({ pluginScheduler }) {
        scheduler = pluginScheduler;
      },
    });
  },
});

const asUser = () => mockCredentials.user.header('user:default/ada-quill');

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'GET /indicators/{indicator}/status-changes, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let refreshedBy: number;

    const get = (url: string) =>
      request(backend.server).get(url).set('Authorization', asUser());

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          dataCatalogPlugin,
          schedulerOfThePlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      await scheduler.triggerTask('data-catalog-read-model-refresh');
      refreshedBy = Date.now();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('turns away a request without credentials', async () => {
      const res = await request(backend.server).get(CHANGES);
      expect(res.status).toBe(401);
    });

    it("gives each district's first status, as the gaps give it", async () => {
      const res = await get(CHANGES);
      expect(res.status).toBe(200);

      const gaps = await get(`${API}/indicators/chronic-absence/availability`);
      const items: Change[] = res.body.items;
      expect(items.map(c => c.district).sort()).toEqual([ALDER, BIRCH]);
      for (const item of items) {
        const result = gaps.body.results.find(
          (r: { district: string }) => r.district === item.district,
        );
        expect(item).toEqual({
          district: item.district,
          indicator: ABSENCE,
          to: result.status,
          reasons: result.reasons,
          cause: 'catalog',
          changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
        });
        expect(Date.parse(item.changedAt)).toBeLessThanOrEqual(refreshedBy);
      }
      expect(items.find(c => c.district === BIRCH)!.to).toBe('missing');
    });

    it('gives one district by name or by reference, for either form of the indicator', async () => {
      const byName = await get(`${CHANGES}?district=alder-creek`);
      expect(byName.status).toBe(200);
      expect(byName.body.items.map((c: Change) => c.district)).toEqual([ALDER]);

      const byRef = await get(
        `${API}/indicators/${encodeURIComponent(
          ABSENCE,
        )}/status-changes?district=${encodeURIComponent(ALDER)}`,
      );
      expect(byRef.status).toBe(200);
      expect(byRef.body).toEqual(byName.body);
    });

    it("adds a change, with its date and reason, when an owner's correction moves the status", async () => {
      const before: Change[] = (await get(`${CHANGES}?district=alder-creek`))
        .body.items;
      const write = await request(backend.server)
        .put(`${API}/annotations/sources/default/alder-creek-sis`)
        .set('Authorization', asUser())
        .send({
          version: 0,
          corrections: [
            {
              element: 'daily-attendance',
              status: 'unusable',
              reason: 'Attendance is blank since the upgrade',
            },
          ],
        });
      expect(write.status).toBe(200);

      const after: Change[] = (await get(`${CHANGES}?district=alder-creek`))
        .body.items;
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + 1);
      const last = after.at(-1)!;
      expect(last).toMatchObject({
        from: before.at(-1)!.to,
        to: 'missing',
        cause: 'annotation',
      });
      expect(last.reasons.join(' ')).toContain(
        'corrected by user:default/ada-quill',
      );
      expect(last.reasons.join(' ')).toContain(
        'Attendance is blank since the upgrade',
      );
      expect(Date.parse(last.changedAt)).toBeGreaterThanOrEqual(
        Date.parse(before.at(-1)!.changedAt),
      );

      // Birch Harbor's changes are untouched.
      const birch = await get(`${CHANGES}?district=birch-harbor`);
      expect(birch.body.items).toHaveLength(1);
    });

    it.each([
      [
        'an unknown parameter',
        '?colour=red',
        'query.colour: unknown parameter',
      ],
      ['an empty district', '?district=', 'query.district'],
      ['a district given twice', '?district=a&district=b', 'query.district'],
      [
        'a district that is no reference',
        '?district=group%3A',
        'query.district',
      ],
    ])('answers %s with 400 naming it', async (_what, query, named) => {
      const res = await get(`${CHANGES}${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(named);
    });

    it('answers an indicator that is no reference with 400', async () => {
      const res = await get(`${API}/indicators/indicator%3A/status-changes`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('path.indicator');
    });

    it.each([
      [
        'an unknown indicator',
        `${API}/indicators/no-such-indicator/status-changes`,
        'No indicator indicator:default/no-such-indicator in the catalog',
      ],
      [
        'a district as the indicator',
        `${API}/indicators/${encodeURIComponent(ALDER)}/status-changes`,
        `No indicator ${ALDER} in the catalog`,
      ],
      [
        'an unknown district',
        `${CHANGES}?district=atlantis`,
        'No district group:default/atlantis in the catalog',
      ],
      [
        'the BOCES as the district',
        `${CHANGES}?district=northlake-boces`,
        'No district group:default/northlake-boces in the catalog',
      ],
    ])('answers %s with 404', async (_what, url, message) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ name: 'NotFoundError', message });
    });
  },
);
