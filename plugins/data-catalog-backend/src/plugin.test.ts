import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import request from 'supertest';
import { dataCatalogPlugin } from './plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the data catalog plugin with the demo region, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          dataCatalogPlugin,
          catalogServiceMock.factory({ entities: loadDemoCatalog() }),
          mockServices.database.factory({ knex }),
          // Runs the scheduled refresh once as the backend starts.
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({
            data: {
              dataCatalog: {
                readModel: {
                  schedule: {
                    frequency: { seconds: 1 },
                    timeout: { seconds: 60 },
                    initialDelay: { seconds: 0 },
                  },
                },
              },
            },
          }),
        ],
      });

      // The read model fills on the first scheduled refresh.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const res = await request(backend.server).get(
          '/api/data-catalog/districts',
        );
        if (res.body.items?.length > 0) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('lists the districts and BOCES with the refresh time', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/districts',
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((d: { name: string }) => d.name)).toEqual(
        expect.arrayContaining([
          'alder-creek',
          'birch-harbor',
          'cedar-point',
          'dunmore',
          'elmwood-falls',
          'northlake-boces',
        ]),
      );
      expect(new Date(res.body.refreshedAt).getTime()).toBeGreaterThan(
        Date.now() - 60_000,
      );
    });

    it("answers one district's gaps with a result per indicator", async () => {
      const demo = loadDemoCatalog();
      const indicators = demo.filter(e => e.kind === 'Indicator');

      const res = await request(backend.server).get(
        '/api/data-catalog/districts/elmwood-falls/gaps',
      );
      expect(res.status).toBe(200);
      expect(res.body.district.ref).toBe('group:default/elmwood-falls');
      expect(res.body.results).toHaveLength(indicators.length);

      const { total } = res.body.summary;
      expect(
        total.available +
          total.partial +
          total.missing +
          total['not-applicable'],
      ).toBe(indicators.length);
      for (const result of res.body.results) {
        expect(result.reasons.length).toBeGreaterThan(0);
      }
    });

    it('answers the same question by full reference', async () => {
      const byName = await request(backend.server).get(
        '/api/data-catalog/districts/dunmore/gaps',
      );
      const byRef = await request(backend.server).get(
        `/api/data-catalog/districts/${encodeURIComponent(
          'group:default/dunmore',
        )}/gaps`,
      );
      expect(byRef.body.results).toEqual(byName.body.results);
    });

    it('gives a summary with only the chosen provisions, and each indicator whole on request', async () => {
      const full = await request(backend.server).get(
        '/api/data-catalog/districts/alder-creek/gaps',
      );
      const summary = await request(backend.server).get(
        '/api/data-catalog/districts/alder-creek/gaps?detail=summary',
      );
      expect(summary.status).toBe(200);
      expect(summary.body.summary).toEqual(full.body.summary);
      expect(JSON.stringify(summary.body).length).toBeLessThan(
        JSON.stringify(full.body).length / 2,
      );

      for (const [i, result] of summary.body.results.entries()) {
        const whole = full.body.results[i];
        expect(result.status).toBe(whole.status);
        expect(result.reasons).toEqual(whole.reasons);
        for (const [j, element] of result.elements.entries()) {
          const all = whole.elements[j].provisions;
          expect(element.provisions).toEqual(
            all.filter((p: any) => p.source === element.chosen),
          );
          expect(element.otherProvisions).toBe(
            all.length - element.provisions.length,
          );
        }
      }

      const opened = summary.body.results.find((r: any) =>
        r.elements.some((e: any) => e.otherProvisions > 0),
      );
      const one = await request(backend.server).get(
        `/api/data-catalog/districts/alder-creek/gaps/${encodeURIComponent(
          opened.indicator,
        )}`,
      );
      expect(one.status).toBe(200);
      expect(one.body.district.ref).toBe('group:default/alder-creek');
      expect(one.body.result).toEqual(
        full.body.results.find((r: any) => r.indicator === opened.indicator),
      );
    });

    it('refuses an unknown detail and names an unknown indicator', async () => {
      const detail = await request(backend.server).get(
        '/api/data-catalog/districts/alder-creek/gaps?detail=everything',
      );
      expect(detail.status).toBe(400);
      expect(detail.body.error.message).toContain('query.detail');

      const unknown = await request(backend.server).get(
        '/api/data-catalog/districts/alder-creek/gaps/no-such-indicator',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No indicator indicator:default/no-such-indicator in the catalog',
      );
    });

    it('says which district is unknown', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/districts/atlantis/gaps',
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No district group:default/atlantis in the catalog',
      );
    });

    it('gives the region matrix, districts by indicators', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/region/matrix',
      );
      expect(res.status).toBe(200);
      expect(res.body.districts).toHaveLength(5);
      expect(res.body.statuses).toHaveLength(5);
      for (const row of res.body.statuses) {
        expect(row).toHaveLength(res.body.indicators.length);
      }
      // Per-indicator counts add up to the number of districts.
      for (const indicator of res.body.indicators) {
        const counts = Object.values(indicator.counts) as number[];
        expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
      }
    });

    it("gives one indicator's status in every district", async () => {
      const matrix = await request(backend.server).get(
        '/api/data-catalog/region/matrix',
      );
      const first = matrix.body.indicators[0];

      const res = await request(backend.server).get(
        `/api/data-catalog/indicators/${encodeURIComponent(
          first.ref,
        )}/availability`,
      );
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(
        matrix.body.statuses.map((row: string[]) => row[0]),
      );
    });

    it('follows lineage upstream of the regional warehouse', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/lineage/datasource/default/northlake-rdw?direction=upstream&depth=1',
      );
      expect(res.status).toBe(200);
      const sis = res.body.nodes.filter((n: { ref: string }) =>
        /-(sis|schooltool|powerschool|infinite-campus|eschooldata)/.test(n.ref),
      );
      expect(sis.length).toBeGreaterThanOrEqual(5);
      expect(
        res.body.edges.every(
          (e: { to: string; type: string }) =>
            e.to === 'datasource:default/northlake-rdw' && e.type === 'feeds',
        ),
      ).toBe(true);
      expect(res.body.truncated).toBe(0);
    });

    it('cuts lineage at the node limit and says how much it left out', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/lineage/datasource/default/northlake-rdw?direction=upstream&depth=5&limit=3',
      );
      expect(res.status).toBe(200);
      expect(res.body.nodes).toHaveLength(3);
      expect(res.body.truncated).toBeGreaterThan(0);
    });

    it('records a first snapshot of each district after the refresh', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/districts/cedar-point/progress',
      );
      expect(res.status).toBe(200);
      expect(res.body.series.length).toBeGreaterThanOrEqual(1);
      const [first] = res.body.series;
      // The test scheduler starts the refresh and the daily snapshot at
      // once; whichever finds the filled model first takes the snapshot
      // (ProgressService.test checks the causes one by one).
      expect(['catalog', 'daily']).toContain(first.cause);
      const gaps = await request(backend.server).get(
        '/api/data-catalog/districts/cedar-point/gaps',
      );
      expect(first.summary).toEqual(gaps.body.summary);
    });

    it('compares districts element by element', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/elements/comparison',
      );
      expect(res.status).toBe(200);
      expect(res.body.districts).toHaveLength(5);
      const demo = loadDemoCatalog();
      expect(res.body.items).toHaveLength(
        demo.filter(e => e.kind === 'DataElement').length,
      );
      // Every district's SIS holds the district student ID.
      const widest = Math.max(
        ...res.body.items.map(
          (i: { districtCount: number }) => i.districtCount,
        ),
      );
      expect(widest).toBe(5);
      for (const item of res.body.items) {
        expect(Object.keys(item.districts).length).toBeGreaterThanOrEqual(
          item.districtCount,
        );
      }

      const subgroups = await request(backend.server).get(
        '/api/data-catalog/elements/comparison?subgroup=true',
      );
      expect(
        subgroups.body.items.every((i: { subgroup: boolean }) => i.subgroup),
      ).toBe(true);
      expect(subgroups.body.items.length).toBeGreaterThanOrEqual(8);
    });

    it('rejects a bad comparison query, naming the field', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/elements/comparison?subgroup=maybe&colour=red',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('query.subgroup');
    });

    it.each(['/region/matrix', '/districts', '/districts/dunmore/gaps'])(
      'rejects an unknown query parameter on %s, naming it',
      async route => {
        const res = await request(backend.server).get(
          `/api/data-catalog${route}?district=dunmore`,
        );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'Invalid request query: query.district: unknown parameter',
        );
      },
    );

    it('rejects a bad lineage query, naming the field', async () => {
      const res = await request(backend.server).get(
        '/api/data-catalog/lineage/datasource/default/northlake-rdw?depth=0&direction=sideways',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('query.direction');
      expect(res.body.error.message).toContain('query.depth');
    });
  },
);
