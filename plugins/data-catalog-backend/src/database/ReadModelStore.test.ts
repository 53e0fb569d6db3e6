import { TestDatabases } from '@backstage/backend-test-utils';
import {
  dataSource,
  indicator,
  loadDemoCatalog,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import { buildReadModel } from '../readModel/buildReadModel';
import {
  ReadModel,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';
import { applyDatabaseMigrations } from './migrations';
import { DatabaseReadModelStore } from './ReadModelStore';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const ALDER_SIS = 'datasource:default/alder-creek-sis';
const DEVICE_RATE = 'indicator:default/one-to-one-device-rate';
const STUDENT_ID = 'dataelement:default/student-identifier';

const byRef = (a: { ref: string }, b: { ref: string }) =>
  a.ref < b.ref ? -1 : Number(a.ref > b.ref);

/**
 * A source with its provisions and feeds in a fixed order: the store keeps
 * them as sets, and database collations differ on how titles sort.
 */
function normalized(source: StoredSource): StoredSource {
  return {
    ...source,
    provides: [...source.provides].sort((a, b) =>
      a.element < b.element ? -1 : Number(a.element > b.element),
    ),
    fedBy: [...source.fedBy].sort((a, b) =>
      a.upstream < b.upstream ? -1 : Number(a.upstream > b.upstream),
    ),
  };
}

const normalizedSources = (sources: StoredSource[]) =>
  sources.map(normalized).sort(byRef);

function sortedPairs<T>(items: T[], key: (item: T) => string): string[] {
  return items.map(key).sort();
}

/** A model of one district with many elements, to pass the chunk size. */
function largeModel(elementCount: number): ReadModel {
  const elements: StoredElement[] = Array.from(
    { length: elementCount },
    (_, i) => ({
      ref: `dataelement:default/element-${String(i).padStart(4, '0')}`,
      name: `element-${String(i).padStart(4, '0')}`,
      title: `Element ${i}`,
      domain: 'assessment',
      subgroup: i % 10 === 0,
      owner: 'group:default/northlake-data-services',
    }),
  );
  const source = (name: string, fedBy: string[]): StoredSource => ({
    ref: `datasource:default/${name}`,
    name,
    title: name,
    district: ALDER,
    type: 'warehouse',
    category: 'administrative',
    lifecycle: 'production',
    owner: 'group:default/alder-creek-it',
    accessMethod: 'export',
    accessFrequency: 'daily',
    linkableByStudentId: true,
    privacy: 'pii',
    grades: ['9'],
    years: ['2024-25'],
    provides: elements.map((e, i) => ({
      element: e.ref,
      field: `FIELD_${i}`,
      status: 'available',
      grades: ['9'],
      years: ['2024-25'],
    })),
    fedBy: fedBy.map(upstream => ({
      upstream: `datasource:default/${upstream}`,
      elements: elements.map(e => e.ref),
    })),
  });
  const indicators: StoredIndicator[] = [
    {
      ref: 'indicator:default/everything',
      name: 'everything',
      title: 'Everything',
      stage: 'outcomes',
      construct: 'engagement',
      owner: 'group:default/northlake-data-services',
      grades: [],
      // Reversed, so that an order by element would show.
      requires: elements.map(e => e.ref).reverse(),
      disaggregateBy: elements.filter(e => e.subgroup).map(e => e.ref),
    },
  ];
  return {
    districts: [
      {
        ref: ALDER,
        name: 'alder-creek',
        title: 'Alder Creek',
        type: 'district',
      },
    ],
    sources: [source('big-sis', []), source('big-warehouse', ['big-sis'])],
    elements,
    indicators,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'DatabaseReadModelStore on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseReadModelStore;
    const demo = buildReadModel(loadDemoCatalog());

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = new DatabaseReadModelStore(knex);
    });

    describe('with the demo region', () => {
      beforeAll(async () => {
        await store.replace(demo, 'demo-v1');
      });

      it('gives back every source as it was written', async () => {
        expect(normalizedSources(await store.getSources())).toEqual(
          normalizedSources(demo.sources),
        );
      });

      it("gives one district's sources", async () => {
        const sources = await store.getSources({ district: ALDER });
        expect(sources.length).toBeGreaterThan(0);
        expect(normalizedSources(sources)).toEqual(
          normalizedSources(demo.sources.filter(s => s.district === ALDER)),
        );

        const sis = sources.find(s => s.ref === ALDER_SIS)!;
        expect(sis).toMatchObject({
          title: 'Alder Creek PowerSchool SIS',
          vendor: 'PowerSchool',
          steward: 'user:default/kwame-ostrowski',
          linkableByStudentId: true,
          privacy: 'sensitive-pii',
        });
        expect(sis.fedBy).toEqual(
          expect.arrayContaining([
            {
              upstream: 'datasource:default/alder-creek-iep-direct',
              elements: [
                'dataelement:default/disability-status',
                'dataelement:default/section-504-status',
              ],
            },
          ]),
        );
      });

      it('gives sources by reference', async () => {
        const rdw = 'datasource:default/northlake-rdw';
        const sources = await store.getSources({ refs: [rdw, ALDER_SIS] });
        expect(sources.map(s => s.ref).sort()).toEqual([ALDER_SIS, rdw]);
        // Both filters apply: the regional warehouse is not Alder Creek's.
        expect(
          await store.getSources({ district: ALDER, refs: [rdw, ALDER_SIS] }),
        ).toEqual([expect.objectContaining({ ref: ALDER_SIS })]);
      });

      it('lists indicators with elements in YAML order', async () => {
        const indicators = await store.listIndicators();
        expect([...indicators].sort(byRef)).toEqual(
          [...demo.indicators].sort(byRef),
        );

        const deviceRate = indicators.find(i => i.ref === DEVICE_RATE)!;
        expect(deviceRate.requires).toEqual([
          STUDENT_ID,
          'dataelement:default/grade-level',
          'dataelement:default/device-assigned',
        ]);
        expect(deviceRate.disaggregateBy.slice(0, 3)).toEqual([
          'dataelement:default/disability-status',
          'dataelement:default/english-learner-status',
          'dataelement:default/economic-disadvantage-status',
        ]);
      });

      it('lists the elements', async () => {
        const elements = await store.listElements();
        expect([...elements].sort(byRef)).toEqual(
          [...demo.elements].sort(byRef),
        );
        expect(elements.find(e => e.ref === STUDENT_ID)).toMatchObject({
          subgroup: false,
        });
        expect(
          elements.find(e => e.ref === 'dataelement:default/disability-status'),
        ).toMatchObject({ subgroup: true });
      });

      it('lists districts by title, with data teams', async () => {
        const districts = await store.listDistricts();
        expect(districts.map(d => d.name)).toEqual([
          'alder-creek',
          'birch-harbor',
          'cedar-point',
          'dunmore',
          'elmwood-falls',
          'northlake-boces',
        ]);
        expect(districts[0]).toEqual({
          ref: ALDER,
          name: 'alder-creek',
          title: 'Alder Creek Central School District',
          type: 'district',
          parent: 'group:default/northlake-boces',
          dataTeam: 'group:default/alder-creek-data-team',
        });
        expect(districts[5]).toEqual({
          ref: 'group:default/northlake-boces',
          name: 'northlake-boces',
          title: 'Northlake BOCES',
          type: 'boces',
          parent: undefined,
          dataTeam: 'group:default/northlake-data-services',
        });
      });

      it('tells the kind of each reference it knows', async () => {
        const kinds = await store.kindsOf([
          ALDER_SIS,
          STUDENT_ID,
          DEVICE_RATE,
          ALDER,
          'datasource:default/no-such-source',
        ]);
        expect(Object.fromEntries(kinds)).toEqual({
          [ALDER_SIS]: 'datasource',
          [STUDENT_ID]: 'dataelement',
          [DEVICE_RATE]: 'indicator',
        });
      });

      it('describes titles, and districts of sources', async () => {
        const described = await store.describe([
          ALDER_SIS,
          STUDENT_ID,
          DEVICE_RATE,
          'datasource:default/no-such-source',
        ]);
        expect(Object.fromEntries(described)).toEqual({
          [ALDER_SIS]: {
            title: 'Alder Creek PowerSchool SIS',
            district: ALDER,
          },
          [STUDENT_ID]: { title: expect.any(String) },
          [DEVICE_RATE]: {
            title: 'Students with a school-issued 1:1 device',
          },
        });
      });

      it('follows feeds both ways', async () => {
        const sis = demo.sources.find(s => s.ref === ALDER_SIS)!;

        const upstreams = await store.feedsOf({ sources: [ALDER_SIS] });
        expect(
          [...upstreams].sort((a, b) => a.upstream.localeCompare(b.upstream)),
        ).toEqual(
          [...sis.fedBy]
            .map(f => ({ source: ALDER_SIS, ...f }))
            .sort((a, b) => a.upstream.localeCompare(b.upstream)),
        );

        const downstreams = await store.feedsOf({ upstreams: [ALDER_SIS] });
        const expected = demo.sources.filter(s =>
          s.fedBy.some(f => f.upstream === ALDER_SIS),
        );
        expect(downstreams.map(f => f.source).sort()).toEqual(
          expected.map(s => s.ref).sort(),
        );
        // The regional warehouse takes the SIS, not the other way round.
        expect(downstreams.map(f => f.source)).toContain(
          'datasource:default/northlake-rdw',
        );
        expect(upstreams.map(f => f.upstream)).not.toContain(
          'datasource:default/northlake-rdw',
        );
      });

      it('follows provisions both ways', async () => {
        const sis = demo.sources.find(s => s.ref === ALDER_SIS)!;
        const ofSis = await store.provisionsOf({ sources: [ALDER_SIS] });
        expect(sortedPairs(ofSis, p => `${p.source} ${p.element}`)).toEqual(
          sortedPairs(sis.provides, p => `${ALDER_SIS} ${p.element}`),
        );

        const ofStudentId = await store.provisionsOf({
          elements: [STUDENT_ID],
        });
        expect(sortedPairs(ofStudentId, p => p.source)).toEqual(
          demo.sources
            .filter(s => s.provides.some(p => p.element === STUDENT_ID))
            .map(s => s.ref)
            .sort(),
        );
        expect(ofStudentId.every(p => p.element === STUDENT_ID)).toBe(true);
      });

      it('follows requirements both ways, with their roles', async () => {
        const deviceRate = demo.indicators.find(i => i.ref === DEVICE_RATE)!;
        const ofIndicator = await store.requirementsOf({
          indicators: [DEVICE_RATE],
        });
        expect(sortedPairs(ofIndicator, r => `${r.role} ${r.element}`)).toEqual(
          [
            ...deviceRate.requires.map(e => `required ${e}`),
            ...deviceRate.disaggregateBy.map(e => `subgroup ${e}`),
          ].sort(),
        );

        const disability = 'dataelement:default/disability-status';
        const ofElement = await store.requirementsOf({
          elements: [disability],
        });
        expect(sortedPairs(ofElement, r => r.indicator)).toEqual(
          demo.indicators
            .filter(i => i.disaggregateBy.includes(disability))
            .map(i => i.ref)
            .sort(),
        );
        expect(ofElement.every(r => r.role === 'subgroup')).toBe(true);
      });

      it('keeps the version it was written with', async () => {
        expect(await store.getState()).toMatchObject({ version: 'demo-v1' });
      });
    });

    describe('replacing the model', () => {
      /** Everything a reader can get out of a store. */
      async function contents(of: DatabaseReadModelStore) {
        return {
          districts: await of.listDistricts(),
          sources: await of.getSources(),
          elements: await of.listElements(),
          indicators: await of.listIndicators(),
          holdings: await of.listHoldings(),
          digests: await of.digests(),
        };
      }

      /** The same model written into a new, empty store. */
      async function writtenWhole(model: ReadModel) {
        const empty = await databases.init(databaseId);
        await applyDatabaseMigrations(empty);
        const whole = new DatabaseReadModelStore(empty);
        await whole.replace(model, 'whole');
        const result = await contents(whole);
        await empty.destroy();
        return result;
      }

      it.each([
        [
          'a source retired in one district',
          (m: ReadModel) => {
            m.sources.find(s => s.ref === ALDER_SIS)!.lifecycle = 'retired';
          },
        ],
        [
          'a source moved to another district',
          (m: ReadModel) => {
            m.sources.find(s => s.ref === ALDER_SIS)!.district =
              'group:default/birch-harbor';
          },
        ],
        [
          'a source removed, and one naming a district not in the catalog',
          (m: ReadModel) => {
            const [first, ...rest] = m.sources;
            m.sources = [
              ...rest,
              {
                ...first,
                ref: 'datasource:default/orphan',
                district: 'group:default/atlantis',
              },
            ];
          },
        ],
        [
          'an indicator changed',
          (m: ReadModel) => {
            m.indicators[0].grades = ['12'];
            m.indicators.pop();
          },
        ],
        [
          'a district renamed',
          (m: ReadModel) => {
            m.districts[1].title = 'A district with a new title';
          },
        ],
      ])(
        'rewrites only what changed, to the same contents as a whole write (%s)',
        async (_change, change) => {
          await store.replace(demo, 'demo-v1');
          const model = structuredClone(demo);
          change(model);

          await store.replace(model, 'changed');

          expect(await contents(store)).toEqual(await writtenWhole(model));
        },
      );

      it('has no state before the first replace', async () => {
        const empty = await databases.init(databaseId);
        await applyDatabaseMigrations(empty);
        const fresh = new DatabaseReadModelStore(empty);
        // Callers take this to mean that no refresh has succeeded yet.
        expect(await fresh.getState()).toBeUndefined();
        expect(await fresh.getSources()).toEqual([]);
        await empty.destroy();
      });

      it('leaves nothing of the previous model behind', async () => {
        await store.replace(demo, 'demo-v1');

        const smaller = buildReadModel([
          ...referencedEntities(),
          dataSource('alder-creek-sis', {
            fedBy: [{ source: 'datasource:alder-creek-iep' }],
          }),
          dataSource('alder-creek-iep', {
            type: 'special-education',
            provides: [
              { element: 'dataelement:disability-status', field: 'IEP' },
            ],
          }),
          indicator('chronic-absenteeism'),
        ]);
        await store.replace(smaller, 'smaller');

        expect(await store.getState()).toMatchObject({ version: 'smaller' });
        expect(normalizedSources(await store.getSources())).toEqual(
          normalizedSources(smaller.sources),
        );
        expect([...(await store.listElements())].sort(byRef)).toEqual(
          [...smaller.elements].sort(byRef),
        );
        expect(await store.listIndicators()).toEqual(smaller.indicators);
        expect((await store.listDistricts()).map(d => d.name).sort()).toEqual([
          'alder-creek',
          'northlake-boces',
        ]);

        // The demo's rows are gone from every table, not only from lists.
        const gone = [
          'datasource:default/northlake-rdw',
          STUDENT_ID,
          DEVICE_RATE,
        ];
        expect((await store.kindsOf(gone)).size).toBe(0);
        expect((await store.describe(gone)).size).toBe(0);
        expect(
          await store.feedsOf({
            upstreams: ['datasource:default/alder-creek-sis'],
          }),
        ).toEqual([]);
        expect(
          await store.provisionsOf({
            sources: ['datasource:default/northlake-rdw'],
          }),
        ).toEqual([]);
        expect(await store.provisionsOf({ elements: [STUDENT_ID] })).toEqual(
          [],
        );
        expect(
          await store.requirementsOf({ indicators: [DEVICE_RATE] }),
        ).toEqual([]);
        const counts: Record<string, number> = {};
        for (const table of [
          'dc_sources',
          'dc_provisions',
          'dc_feeds',
          'dc_elements',
          'dc_indicators',
          'dc_requirements',
          'dc_districts',
        ]) {
          const [{ count }] = await knex(table).count({ count: '*' });
          counts[table] = Number(count);
        }
        expect(counts).toEqual({
          dc_sources: 2,
          dc_provisions: 3,
          dc_feeds: 1,
          dc_elements: 2,
          dc_indicators: 1,
          dc_requirements: 2,
          dc_districts: 2,
        });
      });

      it('keeps the refresh time apart from the version', async () => {
        await store.replace(demo, 'a');
        await store.markRefreshed(new Date('2026-12-01T06:00:00Z'));
        expect(await store.getState()).toEqual({
          version: 'a',
          refreshedAt: '2026-12-01T06:00:00.000Z',
        });

        await store.replace(demo, 'b');
        expect(await store.getState()).toEqual({
          version: 'b',
          refreshedAt: '2026-12-01T06:00:00.000Z',
        });
        await store.markRefreshed(new Date('2026-12-02T06:00:00Z'));
        expect(await store.getState()).toEqual({
          version: 'b',
          refreshedAt: '2026-12-02T06:00:00.000Z',
        });
      });

      it('keeps the previous model if a replace fails', async () => {
        await store.replace(demo, 'good');
        const sis = demo.sources.find(s => s.ref === ALDER_SIS)!;
        // The same source twice breaks the primary key half way through.
        const broken: ReadModel = {
          ...demo,
          sources: [...demo.sources, sis],
        };

        // Matched by message: the driver's error is not always an Error of
        // the test's realm, so toThrow fails now and then.
        await expect(store.replace(broken, 'broken')).rejects.toMatchObject({
          message: expect.stringMatching(/unique/i),
        });

        expect(await store.getState()).toMatchObject({ version: 'good' });
        expect(normalizedSources(await store.getSources())).toEqual(
          normalizedSources(demo.sources),
        );
        expect(await store.listDistricts()).toHaveLength(6);
      });

      it('never shows readers a half-written model', async () => {
        await store.replace(demo, 'old');
        const smaller = buildReadModel([
          ...referencedEntities(),
          dataSource('alder-creek-sis'),
        ]);

        // Whenever they run against the replace, readers see the old
        // model or the new one, never the empty tables in between.
        const replacing = store.replace(smaller, 'new');
        const seen = await Promise.all(
          Array.from(
            { length: 10 },
            async () => (await store.listElements()).length,
          ),
        );
        await replacing;

        for (const count of seen) {
          expect([demo.elements.length, smaller.elements.length]).toContain(
            count,
          );
        }
        expect(await store.listElements()).toHaveLength(2);
      });

      it('round-trips a model with more than 1,000 provisions', async () => {
        const large = largeModel(1_100);
        await store.replace(large, 'large');

        const sources = await store.getSources();
        expect(sources.map(s => s.provides.length)).toEqual([1_100, 1_100]);
        expect(normalizedSources(sources)).toEqual(
          normalizedSources(large.sources),
        );
        expect(await store.listIndicators()).toEqual(large.indicators);
        expect(await store.listElements()).toHaveLength(1_100);

        const elementRefs = large.elements.map(e => e.ref);
        expect(
          await store.provisionsOf({ elements: elementRefs }),
        ).toHaveLength(2_200);
        expect(
          await store.requirementsOf({ elements: elementRefs }),
        ).toHaveLength(1_100 + 110);
        expect((await store.kindsOf(elementRefs)).size).toBe(1_100);
        expect((await store.describe(elementRefs)).size).toBe(1_100);
        expect(
          (
            await store.feedsOf({ upstreams: ['datasource:default/big-sis'] })
          )[0].elements,
        ).toHaveLength(1_100);
      });

      it('keeps two feeds from the same upstream', async () => {
        // Two feeds from one upstream, such as a nightly flag file and a
        // grade passback, each with its own note. The entity schema and
        // validation accept this.
        const model = buildReadModel([
          ...referencedEntities(),
          dataSource('alder-creek-iep', { type: 'special-education' }),
          dataSource('alder-creek-sis', {
            fedBy: [
              {
                source: 'datasource:alder-creek-iep',
                elements: ['dataelement:disability-status'],
                note: 'Nightly flag file',
              },
              {
                source: 'datasource:alder-creek-iep',
                elements: ['dataelement:daily-attendance'],
                note: 'Attendance at IEP services, weekly',
              },
            ],
          }),
        ]);
        await store.replace(model, 'two-feeds');

        expect(await store.getState()).toMatchObject({ version: 'two-feeds' });
        const [sis] = await store.getSources({ refs: [ALDER_SIS] });
        const fromIep = sis.fedBy.filter(
          f => f.upstream === 'datasource:default/alder-creek-iep',
        );
        expect(fromIep.flatMap(f => f.elements).sort()).toEqual([
          'dataelement:default/daily-attendance',
          'dataelement:default/disability-status',
        ]);
      });
    });
  },
);
