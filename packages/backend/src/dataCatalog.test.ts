import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import dataCatalogPlugin from '@internal/plugin-data-catalog-backend';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DataCatalogPermissionPolicy } from './permissionPolicy';

jest.setTimeout(120_000);

// Who belongs to which group, as the catalog would say at sign-in.
const memberships: Record<string, string[]> = {
  'user:default/ada': ['group:default/alder-creek-data-team'],
  'user:default/ivo': ['group:default/alder-creek-it'],
  'user:default/ben': ['group:default/birch-harbor-it'],
};

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const userEntityRef = credentials.principal.userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(memberships[userEntityRef] ?? []),
        ],
      };
    },
  }),
});

// The portal's policy, asked in process. Through the permission backend the
// plugin's request would carry the plugin as actor, which the test kit's
// mock tokens cannot express, and the backend refuses such requests.
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: { userInfo: coreServices.userInfo },
  factory: ({ userInfo }) => {
    const policy = new DataCatalogPermissionPolicy(userInfo);
    const decide = async (permission: any, credentials: any) =>
      policy.handle(
        { permission },
        credentials.principal.type === 'user'
          ? { credentials, info: await userInfo.getUserInfo(credentials) }
          : undefined,
      );
    return {
      async authorizeConditional(queries: any[], { credentials }: any) {
        return Promise.all(queries.map(q => decide(q.permission, credentials)));
      },
      async authorize(queries: any[], { credentials }: any) {
        return Promise.all(
          queries.map(async q => {
            const decision = await decide(q.permission, credentials);
            if (decision.result === AuthorizeResult.CONDITIONAL) {
              throw new Error(
                'Conditional decisions are applied by the plugin',
              );
            }
            return decision;
          }),
        );
      },
    } as any;
  },
});

type Element = {
  element: string;
  chosen?: string;
  provisions: unknown[];
};

// Collects a binary response body into one Buffer for exceljs.
function binary(res: any, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

const SIS = '/api/data-catalog/annotations/sources/default/alder-creek-sis';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'owners writing in the data catalog, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          dataCatalogPlugin,
          permissionsFactory,
          userInfoFactory,
          catalogServiceMock.factory({ entities: loadDemoCatalog() }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          // A request without credentials is a stranger, not a test user.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });

      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const res = await request(backend.server)
          .get('/api/data-catalog/districts')
          .set('Authorization', as('ada'));
        if (res.body.items?.length > 0) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('turns away requests without credentials', async () => {
      const read = await request(backend.server).get(SIS);
      const write = await request(backend.server)
        .put(SIS)
        .send({ version: 0, notes: 'x' });
      const history = await request(backend.server).get(
        '/api/data-catalog/history',
      );
      const workbook = await request(backend.server).get(
        '/api/data-catalog/districts/alder-creek/workbook',
      );
      expect([
        read.status,
        write.status,
        history.status,
        workbook.status,
      ]).toEqual([401, 401, 401, 401]);
    });

    it('lets the district data team annotate, and keeps every version', async () => {
      const first = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({
          version: 0,
          notes: 'Checked the attendance export',
          qualityRating: 4,
        });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        version: 1,
        notes: 'Checked the attendance export',
        updatedBy: 'user:default/ada',
      });

      const second = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({
          version: 1,
          notes: 'Export fixed',
          lastVerified: '2026-11-30',
        });
      expect(second.body.version).toBe(2);

      const history = await request(backend.server)
        .get('/api/data-catalog/history')
        .query({
          subjectType: 'annotation',
          subjectId: 'source:datasource:default/alder-creek-sis',
        })
        .set('Authorization', as('ben'));
      expect(history.status).toBe(200);
      expect(history.body.items).toHaveLength(2);
      expect(history.body.items[0]).toMatchObject({
        change: 'update',
        changedBy: 'user:default/ada',
        before: { notes: 'Checked the attendance export', version: 1 },
        after: { notes: 'Export fixed', version: 2 },
      });
    });

    it("lets the source's owning group write too", async () => {
      const current = await request(backend.server)
        .get(SIS)
        .set('Authorization', as('ivo'));
      const res = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ivo'))
        .send({
          version: current.body.version,
          notes: 'Vendor upgrade in May',
        });
      expect(res.status).toBe(200);
    });

    it('refuses others with 403, naming who may write', async () => {
      const res = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ben'))
        .send({ version: 0, notes: 'Not mine' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'Only members of group:default/alder-creek-it or group:default/alder-creek-data-team may change datasource:default/alder-creek-sis',
      );

      const access = await request(backend.server)
        .get('/api/data-catalog/write-access')
        .query({ subject: 'datasource:default/alder-creek-sis' })
        .set('Authorization', as('ben'));
      expect(access.body).toEqual({
        subject: 'datasource:default/alder-creek-sis',
        allowed: false,
        writers: [
          'group:default/alder-creek-it',
          'group:default/alder-creek-data-team',
        ],
      });
    });

    it('answers a stale write with 409 and overwrites nothing', async () => {
      const before = await request(backend.server)
        .get(SIS)
        .set('Authorization', as('ada'));
      const stale = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({ version: before.body.version - 1, notes: 'Stale edit' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain(
        `It is at version ${before.body.version}`,
      );

      const after = await request(backend.server)
        .get(SIS)
        .set('Authorization', as('ada'));
      expect(after.body).toEqual(before.body);
    });

    it('rejects a bad body with 400 naming the field', async () => {
      const res = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({ version: 'one', qualityRating: 9, colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/body\.version/);
      expect(res.body.error.message).toMatch(/body\.qualityRating/);
      expect(res.body.error.message).toMatch(/colour/);
    });

    it('answers an unknown source with 404', async () => {
      const res = await request(backend.server)
        .get('/api/data-catalog/annotations/sources/default/no-such-source')
        .set('Authorization', as('ada'));
      expect(res.status).toBe(404);
    });

    it('takes a correction into the gap analysis and says so', async () => {
      const gapsOf = async () =>
        (
          await request(backend.server)
            .get('/api/data-catalog/districts/alder-creek/gaps')
            .set('Authorization', as('ada'))
        ).body.results as Array<{
          indicator: string;
          status: string;
          reasons: string[];
          elements: Element[];
        }>;

      // An element an available indicator can take only from the SIS.
      const onlyFromSis = (e: Element) =>
        e.chosen === 'datasource:default/alder-creek-sis' &&
        e.provisions.length === 1;
      const before = await gapsOf();
      const target = before.find(
        r => r.status === 'available' && r.elements.some(onlyFromSis),
      )!;
      expect(target).toBeDefined();
      const element = target.elements.find(onlyFromSis)!.element;

      const current = await request(backend.server)
        .get(SIS)
        .set('Authorization', as('ada'));
      const write = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({
          version: current.body.version,
          corrections: [
            {
              element,
              status: 'unusable',
              reason: 'Field is blank since the upgrade',
            },
          ],
        });
      expect(write.status).toBe(200);

      const after = (await gapsOf()).find(
        r => r.indicator === target.indicator,
      )!;
      expect(after.status).not.toBe('available');
      expect(JSON.stringify(after)).toContain('corrected by user:default/ada');
      expect(JSON.stringify(after)).toContain(
        'Field is blank since the upgrade',
      );

      // The change is recorded as progress, with the reason.
      const progress = await request(backend.server)
        .get('/api/data-catalog/districts/alder-creek/progress')
        .set('Authorization', as('ben'));
      expect(progress.body.series.at(-1).cause).toBe('annotation');
      const changes = await request(backend.server)
        .get(
          `/api/data-catalog/indicators/${encodeURIComponent(
            target.indicator,
          )}/status-changes`,
        )
        .query({ district: 'alder-creek' })
        .set('Authorization', as('ben'));
      expect(changes.body.items.at(-1)).toMatchObject({
        from: 'available',
        to: after.status,
        cause: 'annotation',
      });
      expect(changes.body.items.at(-1).reasons.join(' ')).toContain(
        'Field is blank since the upgrade',
      );
    });

    it('rejects a correction of an element the source does not provide', async () => {
      const current = await request(backend.server)
        .get(SIS)
        .set('Authorization', as('ada'));
      const res = await request(backend.server)
        .put(SIS)
        .set('Authorization', as('ada'))
        .send({
          version: current.body.version,
          corrections: [
            {
              element: 'platform-weekly-minutes',
              status: 'partial',
              reason: 'x',
            },
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('corrections.0.element');
    });

    it('keeps an action plan: create, move to done, with history', async () => {
      const gaps = await request(backend.server)
        .get('/api/data-catalog/districts/alder-creek/gaps')
        .set('Authorization', as('ada'));
      const gap = gaps.body.results.find(
        (r: { status: string }) => r.status !== 'available',
      );

      const created = await request(backend.server)
        .post('/api/data-catalog/districts/alder-creek/actions')
        .set('Authorization', as('ada'))
        .send({
          indicator: gap.indicator,
          step: 'Ask the vendor for a student-level export',
          owner: 'user:default/ada',
          dueDate: '2027-01-31',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'planned', version: 1 });

      const refused = await request(backend.server)
        .patch(`/api/data-catalog/actions/${created.body.id}`)
        .set('Authorization', as('ben'))
        .send({ version: 1, status: 'done' });
      expect(refused.status).toBe(403);

      const done = await request(backend.server)
        .patch(`/api/data-catalog/actions/${created.body.id}`)
        .set('Authorization', as('ada'))
        .send({ version: 1, status: 'done' });
      expect(done.body).toMatchObject({ status: 'done', version: 2 });

      const stale = await request(backend.server)
        .patch(`/api/data-catalog/actions/${created.body.id}`)
        .set('Authorization', as('ada'))
        .send({ version: 1, status: 'dropped' });
      expect(stale.status).toBe(409);

      const plan = await request(backend.server)
        .get('/api/data-catalog/districts/alder-creek/actions')
        .set('Authorization', as('ben'));
      expect(
        plan.body.items.map((i: { id: string; status: string }) => [
          i.id,
          i.status,
        ]),
      ).toContainEqual([created.body.id, 'done']);

      const history = await request(backend.server)
        .get('/api/data-catalog/history')
        .query({ subjectType: 'action', subjectId: created.body.id })
        .set('Authorization', as('ada'));
      expect(
        history.body.items.map((h: { change: string }) => h.change),
      ).toEqual(['update', 'create']);
    });

    it('downloads the workbook with live corrections and action items', async () => {
      const res = await request(backend.server)
        .get('/api/data-catalog/districts/alder-creek/workbook')
        .set('Authorization', as('ben'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="data-catalog-alder-creek-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const rows = (sheet: string) =>
        workbook
          .getWorksheet(sheet)!
          .getSheetValues()
          .slice(2)
          .map(row => (row as unknown[]).slice(1).map(String));

      // Every Alder Creek source, and nobody else's.
      const demoSources = loadDemoCatalog().filter(
        e =>
          e.kind === 'DataSource' && e.spec?.district === 'group:alder-creek',
      );
      expect(
        rows('Sources')
          .map(r => r[0])
          .sort(),
      ).toEqual(demoSources.map(e => e.metadata.name).sort());

      // The gaps are the live ones, the SIS correction included.
      const live = await request(backend.server)
        .get('/api/data-catalog/districts/alder-creek/gaps')
        .set('Authorization', as('ben'));
      const statuses = rows('Gaps').map(r => [r[1], r[5]]);
      expect(statuses).toHaveLength(live.body.results.length);
      for (const result of live.body.results) {
        expect(statuses).toContainEqual([
          result.indicator.replace('indicator:default/', ''),
          result.status.charAt(0).toUpperCase() +
            result.status.slice(1).replace('-', ' '),
        ]);
      }
      expect(
        rows('Gaps')
          .map(r => r[6])
          .join('\n'),
      ).toContain('Field is blank since the upgrade');

      // The action item written above, with its status.
      expect(rows('Action plan')).toContainEqual(
        expect.arrayContaining([
          'Ask the vendor for a student-level export',
          '2027-01-31',
          'Done',
        ]),
      );
    });

    it("downloads the region's workbook with every district's gaps", async () => {
      const res = await request(backend.server)
        .get('/api/data-catalog/region/workbook')
        .set('Authorization', as('ben'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const demo = loadDemoCatalog();
      const districts = demo.filter(
        e => e.kind === 'Group' && e.spec?.type === 'district',
      );
      const indicators = demo.filter(e => e.kind === 'Indicator');
      expect(workbook.getWorksheet('Gaps')!.actualRowCount).toBe(
        1 + districts.length * indicators.length,
      );
      expect(workbook.getWorksheet('Sources')!.actualRowCount).toBe(
        1 + demo.filter(e => e.kind === 'DataSource').length,
      );
    });

    it('answers a workbook of an unknown district with 404', async () => {
      const res = await request(backend.server)
        .get('/api/data-catalog/districts/atlantis/workbook')
        .set('Authorization', as('ben'));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('group:default/atlantis');
    });

    it('rejects an action item on an unknown indicator, naming the field', async () => {
      const res = await request(backend.server)
        .post('/api/data-catalog/districts/alder-creek/actions')
        .set('Authorization', as('ada'))
        .send({
          indicator: 'no-such-indicator',
          step: 'x',
          owner: 'user:default/ada',
          dueDate: '2027-13-45',
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('body.dueDate');
    });
  },
);
