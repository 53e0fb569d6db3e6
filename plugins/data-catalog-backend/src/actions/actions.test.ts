import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import request from 'supertest';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(120_000);

// The actions are asked through the actions registry's own HTTP endpoint,
// as the actions service of another plugin (the MCP actions backend) asks
// them; startTestBackend provides Backstage's real registry.

const ADA = mockCredentials.user.header('user:default/ada');
const SERVICE = mockCredentials.service.header();

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

type Gap = { element: string; reason: string; status: string };
type Result = {
  indicator: string;
  status: string;
  reasons?: string[];
  gaps?: Gap[];
};

describe.each(databases.eachSupportedId())(
  "the data catalog's assistant actions, on %p",
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    const invoke = (
      name: string,
      input: object,
      // null: no Authorization header at all.
      authorization: string | null = ADA,
    ) => {
      const req = request(backend.server)
        .post(
          `/api/data-catalog/.backstage/actions/v1/actions/${encodeURIComponent(
            `data-catalog:${name}`,
          )}/invoke`,
        )
        .send(input);
      return authorization ? req.set('Authorization', authorization) : req;
    };

    const route = (path: string) =>
      request(backend.server)
        .get(`/api/data-catalog${path}`)
        .set('Authorization', ADA);

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          dataCatalogPlugin,
          catalogServiceMock.factory({ entities: loadDemoCatalog() }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          // A request without a token is nobody, not the kit's default user.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });

      // The read model fills on the first scheduled refresh.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const res = await route('/districts');
        if (res.body.items?.length > 0) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('offers five actions, all read-only, each with its input schema', async () => {
      const res = await request(backend.server)
        .get('/api/data-catalog/.backstage/actions/v1/actions')
        .set('Authorization', ADA);

      expect(res.status).toBe(200);
      const actions = res.body.actions;
      expect(actions.map((a: { id: string }) => a.id).sort()).toEqual([
        'data-catalog:get-district-gaps',
        'data-catalog:get-indicator-availability',
        'data-catalog:get-lineage',
        'data-catalog:list-districts',
        'data-catalog:list-indicators',
      ]);
      for (const action of actions) {
        expect(action.attributes).toEqual({
          readOnly: true,
          destructive: false,
          idempotent: true,
        });
        expect(action.description.length).toBeGreaterThan(100);
        expect(action.schema.input.type).toBe('object');
      }
      const gaps = actions.find(
        (a: { name: string }) => a.name === 'get-district-gaps',
      );
      expect(gaps.schema.input.required).toEqual(['district']);
    });

    it('lists the districts and BOCES, or those a query matches', async () => {
      const all = await invoke('list-districts', {});
      expect(all.status).toBe(200);
      expect(all.body.output.districts).toEqual(
        expect.arrayContaining([
          {
            ref: 'group:default/alder-creek',
            name: 'alder-creek',
            title: 'Alder Creek Central School District',
            type: 'district',
            parent: 'group:default/northlake-boces',
          },
          expect.objectContaining({
            ref: 'group:default/northlake-boces',
            type: 'boces',
          }),
        ]),
      );
      expect(all.body.output.districts).toHaveLength(6);

      const some = await invoke('list-districts', { query: 'birch' });
      expect(
        some.body.output.districts.map((d: { ref: string }) => d.ref),
      ).toEqual(['group:default/birch-harbor']);
    });

    it("gives a district's statuses as its gaps route does, named any way", async () => {
      const fromRoute = await route('/districts/elmwood-falls/gaps');

      for (const name of [
        'group:default/elmwood-falls',
        'elmwood-falls',
        'Elmwood Falls',
        'elmwood falls central school district',
        'ELMWOOD',
      ]) {
        const res = await invoke('get-district-gaps', { district: name });
        expect(res.status).toBe(200);
        expect(res.body.output.district.ref).toBe(
          'group:default/elmwood-falls',
        );
        expect(res.body.output.summary).toEqual(fromRoute.body.summary);
        expect(
          res.body.output.indicators.map((r: Result) => [
            r.indicator,
            r.status,
          ]),
        ).toEqual(
          fromRoute.body.results.map((r: Result) => [r.indicator, r.status]),
        );
      }
    });

    it('says why, element by element, for each indicator a district cannot compute', async () => {
      const fromRoute = await route('/districts/birch-harbor/gaps');
      const res = await invoke('get-district-gaps', {
        district: 'Birch Harbor',
        status: ['missing', 'partial'],
      });

      expect(res.status).toBe(200);
      const listed: Result[] = res.body.output.indicators;
      const expected = fromRoute.body.results.filter(
        (r: Result) => r.status === 'missing' || r.status === 'partial',
      );
      expect(listed.map(r => r.indicator)).toEqual(
        expected.map((r: Result) => r.indicator),
      );
      expect(listed.length).toBeGreaterThan(0);
      for (const result of listed) {
        const full = expected.find(
          (r: Result) => r.indicator === result.indicator,
        );
        const unavailable = full.elements.filter(
          (e: Gap) => e.status !== 'available',
        );
        expect(result.gaps?.map(g => [g.element, g.reason])).toEqual(
          unavailable.map((e: Gap) => [e.element, e.reason]),
        );
        // The indicator's reasons only repeat its gaps', so are left out.
        expect(result.reasons).toBeUndefined();
      }

      // Compact enough for an assistant: no judged provisions, and far
      // smaller than the route's answer.
      expect(JSON.stringify(res.body)).not.toContain('"provisions"');
      expect(JSON.stringify(res.body).length).toBeLessThan(
        JSON.stringify(fromRoute.body).length / 3,
      );
    });

    it('says why for an indicator the district can compute', async () => {
      const fromRoute = await route('/districts/alder-creek/gaps');
      const res = await invoke('get-district-gaps', {
        district: 'alder-creek',
        status: ['available'],
      });

      const listed: Result[] = res.body.output.indicators;
      expect(listed.length).toBeGreaterThan(0);
      for (const result of listed) {
        const full = fromRoute.body.results.find(
          (r: Result) => r.indicator === result.indicator,
        );
        expect(result.reasons).toEqual(full.reasons);
        expect(result.gaps).toBeUndefined();
      }
    });

    it('lists only the stage asked for', async () => {
      const res = await invoke('get-district-gaps', {
        district: 'dunmore',
        stage: 'access',
      });
      expect(res.status).toBe(200);
      const stages = res.body.output.indicators.map(
        (r: { stage: string }) => r.stage,
      );
      expect(stages.length).toBeGreaterThan(0);
      expect(new Set(stages)).toEqual(new Set(['access']));
    });

    it('says which district it cannot find, and where to look', async () => {
      const res = await invoke('get-district-gaps', { district: 'Atlantis' });
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotFoundError',
          message:
            'No district matches "Atlantis"; list-districts lists every district in the catalog',
        }),
      );
    });

    it.each(['Northlake BOCES', 'group:default/northlake-boces'])(
      'says that a BOCES, named %p, has no gaps of its own',
      async name => {
        const res = await invoke('get-district-gaps', { district: name });
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(
          'is the BOCES Northlake BOCES (group:default/northlake-boces), not a district',
        );
      },
    );

    it('refuses a status that does not exist, naming the action', async () => {
      const res = await invoke('get-district-gaps', {
        district: 'dunmore',
        status: ['unknown'],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'Invalid input to action "data-catalog:get-district-gaps"',
      );
    });

    it('lists the indicators, or those of a stage or a query', async () => {
      const all = await invoke('list-indicators', {});
      const demo = loadDemoCatalog().filter(e => e.kind === 'Indicator');
      expect(all.body.output.indicators).toHaveLength(demo.length);

      const found = await invoke('list-indicators', { query: 'absenteeism' });
      expect(found.body.output.indicators).toEqual([
        expect.objectContaining({
          ref: 'indicator:default/chronic-absenteeism-rate',
          title: 'Chronic absenteeism rate',
          stage: 'outcomes',
          requires: expect.arrayContaining([expect.any(String)]),
        }),
      ]);

      const access = await invoke('list-indicators', { stage: 'access' });
      expect(access.body.output.indicators.length).toBeGreaterThan(0);
      expect(
        access.body.output.indicators.every(
          (i: { stage: string }) => i.stage === 'access',
        ),
      ).toBe(true);
    });

    it('gives one indicator in every district, as its route does', async () => {
      const fromRoute = await route(
        '/indicators/chronic-absenteeism-rate/availability',
      );
      const res = await invoke('get-indicator-availability', {
        indicator: 'Chronic absenteeism rate',
      });

      expect(res.status).toBe(200);
      const { output } = res.body;
      expect(output.indicator.ref).toBe(
        'indicator:default/chronic-absenteeism-rate',
      );
      expect(
        output.districts.map((d: { district: string; status: string }) => [
          d.district,
          d.status,
        ]),
      ).toEqual(
        fromRoute.body.results.map(
          (r: { district: string; status: string }) => [r.district, r.status],
        ),
      );
      const counts = Object.values(output.counts) as number[];
      expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
      expect(output.districts[0].title).toMatch(/School District$/);
    });

    it('says which indicator it cannot find', async () => {
      const res = await invoke('get-indicator-availability', {
        indicator: 'Happiness index',
      });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No indicator matches "Happiness index"; list-indicators lists every indicator in the catalog',
      );
    });

    it('follows lineage downstream from a source to the indicators it serves', async () => {
      const res = await invoke('get-lineage', {
        entity: 'datasource:default/alder-creek-sis',
        direction: 'downstream',
        depth: 2,
      });
      expect(res.status).toBe(200);
      const { output } = res.body;
      const fromRoute = await route(
        '/lineage/datasource/default/alder-creek-sis?direction=downstream&depth=2&limit=200',
      );
      expect(output.nodes.map((n: { ref: string }) => n.ref).sort()).toEqual(
        fromRoute.body.nodes.map((n: { ref: string }) => n.ref).sort(),
      );
      expect(output.nodes.map((n: { kind: string }) => n.kind)).toContain(
        'indicator',
      );
      expect(output.edges.length).toBeGreaterThan(0);
    });

    it('finds a lineage root by its bare name, and cuts at the limit', async () => {
      const res = await invoke('get-lineage', {
        entity: 'northlake-rdw',
        direction: 'upstream',
        depth: 5,
        limit: 3,
      });
      expect(res.status).toBe(200);
      expect(res.body.output.root).toBe('datasource:default/northlake-rdw');
      expect(res.body.output.nodes).toHaveLength(3);
      expect(res.body.output.truncated).toBeGreaterThan(0);
    });

    it('says which lineage root it cannot find, and refuses a bad depth', async () => {
      const missing = await invoke('get-lineage', { entity: 'no-such-system' });
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain(
        'datasource:default/no-such-system',
      );

      const deep = await invoke('get-lineage', {
        entity: 'northlake-rdw',
        depth: 50,
      });
      expect(deep.status).toBe(400);
    });

    it('answers a backend service as it answers a user', async () => {
      const asUser = await invoke('get-district-gaps', {
        district: 'cedar-point',
      });
      const asService = await invoke(
        'get-district-gaps',
        { district: 'cedar-point' },
        SERVICE,
      );
      expect(asService.status).toBe(200);
      expect(asService.body).toEqual(asUser.body);
    });

    it.each([
      ['list-districts', {}],
      ['list-indicators', {}],
      ['get-district-gaps', { district: 'dunmore' }],
      ['get-indicator-availability', { indicator: 'chronic-absenteeism-rate' }],
      ['get-lineage', { entity: 'northlake-rdw' }],
    ])(
      'turns away %s for a caller without credentials',
      async (name, input) => {
        const res = await invoke(name, input, null);
        expect(res.status).toBe(401);
        expect(res.body.output).toBeUndefined();
      },
    );
  },
);
