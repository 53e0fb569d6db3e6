import { TestDatabases } from '@backstage/backend-test-utils';
import { DataSourceType } from '@internal/plugin-data-catalog-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import {
  ReadModel,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';
import { LineageAnswer, LineageService } from './LineageService';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const BIRCH = 'group:default/birch-harbor';

const src = (name: string) => `datasource:default/${name}`;
const el = (name: string) => `dataelement:default/${name}`;
const ind = (name: string) => `indicator:default/${name}`;

function source(
  name: string,
  type: DataSourceType,
  provides: string[],
  fedBy: Array<[upstream: string, elements: string[]]> = [],
  district = ALDER,
): StoredSource {
  return {
    ref: src(name),
    name,
    title: `Source ${name}`,
    district,
    type,
    category: 'administrative',
    lifecycle: 'production',
    owner: 'group:default/alder-creek-it',
    accessMethod: 'export',
    accessFrequency: 'daily',
    linkableByStudentId: true,
    privacy: 'pii',
    grades: ['K'],
    years: ['2024-25'],
    provides: provides.map(provided => ({
      element: el(provided),
      field: provided.toUpperCase(),
      status: 'available',
      grades: ['K'],
      years: ['2024-25'],
    })),
    fedBy: fedBy.map(([upstream, elements]) => ({
      upstream: src(upstream),
      elements: elements.map(el),
    })),
  };
}

function element(name: string): StoredElement {
  return {
    ref: el(name),
    name,
    title: `Element ${name}`,
    domain: 'enrollment',
    subgroup: name === 'disability-status',
    owner: 'group:default/northlake-data-services',
  };
}

function indicator(
  name: string,
  requires: string[],
  disaggregateBy: string[] = [],
): StoredIndicator {
  return {
    ref: ind(name),
    name,
    title: `Indicator ${name}`,
    stage: 'outcomes',
    construct: 'engagement',
    owner: 'group:default/northlake-data-services',
    grades: [],
    requires: requires.map(el),
    disaggregateBy: disaggregateBy.map(el),
  };
}

// One district's systems, the way data flows between them:
//
//   platform --course-grade--> sis --(all)--> level0 --(all)--> warehouse
//   iep --disability-status--> sis
//   registration --student-id--> sis
//
// and, in another district, two sources that feed each other.
const model: ReadModel = {
  districts: [
    { ref: ALDER, name: 'alder-creek', title: 'Alder Creek', type: 'district' },
    {
      ref: BIRCH,
      name: 'birch-harbor',
      title: 'Birch Harbor',
      type: 'district',
    },
  ],
  sources: [
    source('platform', 'digital-platform', [
      'platform-minutes',
      'course-grade',
    ]),
    source('iep', 'special-education', ['disability-status']),
    source('registration', 'other', ['enrollment-date']),
    source(
      'sis',
      'sis',
      ['student-id', 'attendance', 'disability-status', 'course-grade'],
      [
        ['platform', ['course-grade']],
        ['iep', ['disability-status']],
        ['registration', ['student-id']],
      ],
    ),
    source(
      'level0',
      'state-reporting',
      ['student-id', 'attendance', 'disability-status'],
      // The YAML does not say which elements: every one may flow.
      [['sis', []]],
    ),
    source(
      'warehouse',
      'warehouse',
      ['student-id', 'attendance', 'disability-status'],
      [['level0', []]],
    ),
    source('cycle-a', 'sis', [], [['cycle-b', []]], BIRCH),
    source('cycle-b', 'lms', [], [['cycle-a', []]], BIRCH),
  ],
  elements: [
    'student-id',
    'attendance',
    'disability-status',
    'course-grade',
    'platform-minutes',
    'enrollment-date',
  ].map(element),
  indicators: [
    indicator('platform-usage', ['student-id', 'platform-minutes']),
    indicator(
      'chronic-absenteeism',
      ['student-id', 'attendance'],
      ['disability-status'],
    ),
    indicator('course-passing', ['course-grade']),
  ],
};

/** The answer's nodes as ref -> depth, easy to compare whole. */
const depths = (answer: LineageAnswer) =>
  Object.fromEntries(answer.nodes.map(n => [n.ref, n.depth]));

/** The answer's edges as `type from -> to`, sorted. */
const edges = (answer: LineageAnswer) =>
  answer.edges.map(e => `${e.type} ${e.from} -> ${e.to}`).sort();

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'LineageService on %p',
  databaseId => {
    let service: LineageService;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = new DatabaseReadModelStore(knex);
      await store.replace(model, 'hand-built');
      service = new LineageService(store);
    });

    const far = { depth: 10, limit: 100 };

    it('follows a platform downstream to the warehouse', async () => {
      const answer = await service.lineage(src('platform'), {
        direction: 'downstream',
        ...far,
      });

      expect(depths(answer)).toEqual({
        [src('platform')]: 0,
        [src('sis')]: 1,
        [el('platform-minutes')]: 1,
        [el('course-grade')]: 1,
        [src('level0')]: 2,
        [el('student-id')]: 2,
        [el('attendance')]: 2,
        [el('disability-status')]: 2,
        [ind('platform-usage')]: 2,
        [ind('course-passing')]: 2,
        [src('warehouse')]: 3,
        [ind('chronic-absenteeism')]: 3,
      });
      expect(answer.edges).toEqual(
        expect.arrayContaining([
          {
            from: src('platform'),
            to: src('sis'),
            type: 'feeds',
            elements: [el('course-grade')],
            closesCycle: false,
          },
          {
            from: src('sis'),
            to: src('level0'),
            type: 'feeds',
            elements: [],
            closesCycle: false,
          },
          {
            from: src('level0'),
            to: src('warehouse'),
            type: 'feeds',
            elements: [],
            closesCycle: false,
          },
          {
            from: src('sis'),
            to: el('attendance'),
            type: 'provides',
            closesCycle: false,
          },
          {
            from: el('attendance'),
            to: ind('chronic-absenteeism'),
            type: 'requires',
            closesCycle: false,
          },
        ]),
      );
      expect(answer.edges.some(e => e.closesCycle)).toBe(false);
      expect(answer.truncated).toBe(0);
      expect(answer).toMatchObject({
        root: src('platform'),
        direction: 'downstream',
        depth: 10,
        limit: 100,
      });
    });

    it('names each node with its kind, title and district', async () => {
      const answer = await service.lineage(src('platform'), {
        direction: 'downstream',
        depth: 1,
        limit: 100,
      });
      const byRef = new Map(answer.nodes.map(n => [n.ref, n]));

      expect(byRef.get(src('sis'))).toEqual({
        ref: src('sis'),
        kind: 'datasource',
        title: 'Source sis',
        district: ALDER,
        depth: 1,
      });
      expect(byRef.get(el('course-grade'))).toEqual({
        ref: el('course-grade'),
        kind: 'dataelement',
        title: 'Element course-grade',
        district: undefined,
        depth: 1,
      });
    });

    it('follows an indicator upstream to its sources', async () => {
      const answer = await service.lineage(ind('platform-usage'), {
        direction: 'upstream',
        ...far,
      });

      expect(depths(answer)).toEqual({
        [ind('platform-usage')]: 0,
        [el('student-id')]: 1,
        [el('platform-minutes')]: 1,
        [src('sis')]: 2,
        [src('level0')]: 2,
        [src('warehouse')]: 2,
        [src('platform')]: 2,
        // Feeds the SIS the student ID the indicator needs.
        [src('registration')]: 3,
      });
      // Edges point the way data flows, whichever way the walk went.
      expect(edges(answer)).toEqual(
        [
          `requires ${el('student-id')} -> ${ind('platform-usage')}`,
          `requires ${el('platform-minutes')} -> ${ind('platform-usage')}`,
          `provides ${src('sis')} -> ${el('student-id')}`,
          `provides ${src('level0')} -> ${el('student-id')}`,
          `provides ${src('warehouse')} -> ${el('student-id')}`,
          `provides ${src('platform')} -> ${el('platform-minutes')}`,
          `feeds ${src('registration')} -> ${src('sis')}`,
          `feeds ${src('sis')} -> ${src('level0')}`,
          `feeds ${src('level0')} -> ${src('warehouse')}`,
        ].sort(),
      );
    });

    it.each([
      [
        'disability-status',
        {
          [el('disability-status')]: 0,
          [src('iep')]: 1,
          [src('sis')]: 1,
          [src('level0')]: 1,
          [src('warehouse')]: 1,
        },
        [`feeds ${src('iep')} -> ${src('sis')}`],
      ],
      [
        'attendance',
        {
          [el('attendance')]: 0,
          [src('sis')]: 1,
          [src('level0')]: 1,
          [src('warehouse')]: 1,
        },
        [],
      ],
    ])(
      'follows upstream from %s only the feeds that carry it or say nothing',
      async (name, expectedDepths, feedsIntoSis) => {
        const answer = await service.lineage(el(name), {
          direction: 'upstream',
          ...far,
        });

        expect(depths(answer)).toEqual(expectedDepths);
        const feeds = edges(answer).filter(e => e.startsWith('feeds '));
        expect(feeds).toEqual(
          [
            ...feedsIntoSis,
            // These two list no elements, so they may carry this one.
            `feeds ${src('sis')} -> ${src('level0')}`,
            `feeds ${src('level0')} -> ${src('warehouse')}`,
          ].sort(),
        );
      },
    );

    it('follows feeds of every element an indicator needs', async () => {
      // The SIS gives the indicator three of its elements: the student ID
      // comes into it from registration, the disability flag from the IEP
      // system. Both systems belong to the indicator's lineage.
      const answer = await service.lineage(ind('chronic-absenteeism'), {
        direction: 'upstream',
        ...far,
      });

      expect(edges(answer)).toEqual(
        expect.arrayContaining([
          `feeds ${src('iep')} -> ${src('sis')}`,
          `feeds ${src('registration')} -> ${src('sis')}`,
        ]),
      );
      expect(depths(answer)).toMatchObject({
        [src('registration')]: 3,
      });
      // The platform feeds the SIS only course grades, which this
      // indicator does not use.
      expect(depths(answer)[src('platform')]).toBeUndefined();
    });

    it('walks both ways from a source', async () => {
      const answer = await service.lineage(src('sis'), {
        direction: 'both',
        depth: 1,
        limit: 100,
      });

      expect(depths(answer)).toEqual({
        [src('sis')]: 0,
        [src('platform')]: 1,
        [src('iep')]: 1,
        [src('registration')]: 1,
        [src('level0')]: 1,
        [el('student-id')]: 1,
        [el('attendance')]: 1,
        [el('disability-status')]: 1,
        [el('course-grade')]: 1,
      });
    });

    it('stops after the given number of hops', async () => {
      const one = await service.lineage(src('platform'), {
        direction: 'downstream',
        depth: 1,
        limit: 100,
      });
      expect(depths(one)).toEqual({
        [src('platform')]: 0,
        [src('sis')]: 1,
        [el('platform-minutes')]: 1,
        [el('course-grade')]: 1,
      });

      const two = await service.lineage(ind('platform-usage'), {
        direction: 'upstream',
        depth: 2,
        limit: 100,
      });
      expect(Math.max(...two.nodes.map(n => n.depth))).toBe(2);
      expect(depths(two)[src('registration')]).toBeUndefined();
      expect(two.edges.filter(e => e.type === 'feeds')).toEqual([]);

      const none = await service.lineage(src('platform'), {
        direction: 'downstream',
        depth: 0,
        limit: 100,
      });
      expect(depths(none)).toEqual({ [src('platform')]: 0 });
      expect(none.edges).toEqual([]);
    });

    it('stops at the node limit and counts what it left out', async () => {
      // One hop from the platform reaches the SIS and two elements.
      const answer = await service.lineage(src('platform'), {
        direction: 'downstream',
        depth: 1,
        limit: 2,
      });

      expect(answer.nodes).toHaveLength(2);
      expect(answer.nodes[0]).toMatchObject({ ref: src('platform') });
      expect(answer.truncated).toBe(2);
      expect(answer.limit).toBe(2);
      // No edge leads to a node the answer does not hold.
      const refs = new Set(answer.nodes.map(n => n.ref));
      for (const edge of answer.edges) {
        expect(refs).toContain(edge.from);
        expect(refs).toContain(edge.to);
      }
      expect(answer.edges).toHaveLength(1);
    });

    it.each(['downstream', 'upstream', 'both'] as const)(
      'returns a cycle once, with one edge marked as closing it (%s)',
      async direction => {
        const answer = await service.lineage(src('cycle-a'), {
          direction,
          depth: 50,
          limit: 100,
        });

        expect(depths(answer)).toEqual({
          [src('cycle-a')]: 0,
          [src('cycle-b')]: 1,
        });
        expect(edges(answer)).toEqual([
          `feeds ${src('cycle-a')} -> ${src('cycle-b')}`,
          `feeds ${src('cycle-b')} -> ${src('cycle-a')}`,
        ]);
        expect(answer.edges.filter(e => e.closesCycle)).toHaveLength(1);
        expect(answer.truncated).toBe(0);
      },
    );

    it('says an unknown root is not found', async () => {
      for (const root of [src('no-such-source'), ALDER]) {
        await expect(
          service.lineage(root, { direction: 'both', ...far }),
        ).rejects.toMatchObject({ name: 'NotFoundError' });
      }
    });
  },
);

// Ten sources hold attendance; two of them are also fed by others, one of
// which holds attendance too. Upstream of an indicator with room for few,
// the walk reads the first providers by name and counts the rest.
const crowded: ReadModel = {
  districts: model.districts,
  sources: [
    ...Array.from({ length: 10 }, (_, i) =>
      source(`holder-${i}`, 'sis', ['attendance']),
    ).map(s =>
      s.ref === src('holder-0')
        ? {
            ...s,
            fedBy: [
              { upstream: src('holder-9'), elements: [] },
              { upstream: src('feeder'), elements: [] },
            ],
          }
        : s,
    ),
    source('feeder', 'other', ['enrollment-date']),
  ],
  elements: ['attendance', 'enrollment-date'].map(element),
  indicators: [indicator('attendance-rate', ['attendance'])],
};

describe.each(databases.eachSupportedId())(
  'LineageService with many providers on %p',
  databaseId => {
    let service: LineageService;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = new DatabaseReadModelStore(knex);
      await store.replace(crowded, 'crowded');
      service = new LineageService(store);
    });

    it('counts every provider it left out once, named or not', async () => {
      const answer = await service.lineage(ind('attendance-rate'), {
        direction: 'upstream',
        depth: 5,
        limit: 4,
      });

      // The indicator, its element and the first two holders by reference.
      expect(depths(answer)).toEqual({
        [ind('attendance-rate')]: 0,
        [el('attendance')]: 1,
        [src('holder-0')]: 2,
        [src('holder-1')]: 2,
      });
      // Eight holders left out, holder-9 among them though it is also
      // reached as holder-0's feed, and the feeder: nine in all.
      expect(answer.truncated).toBe(9);
    });

    it('reads every provider when there is room', async () => {
      const answer = await service.lineage(ind('attendance-rate'), {
        direction: 'upstream',
        depth: 5,
        limit: 100,
      });

      expect(answer.nodes).toHaveLength(13);
      expect(answer.truncated).toBe(0);
      expect(edges(answer)).toContain(
        `feeds ${src('holder-9')} -> ${src('holder-0')}`,
      );
    });
  },
);
