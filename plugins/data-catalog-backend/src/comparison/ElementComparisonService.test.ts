import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ALDER,
  BIRCH,
  BOCES,
  CEDAR,
  district,
  el,
  element,
  source,
  src,
} from '../__testUtils__/readModel';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { ReadModel } from '../readModel/types';
import {
  ElementComparison,
  ElementComparisonService,
} from './ElementComparisonService';

jest.setTimeout(60_000);

const noProduct = { vendor: undefined, product: undefined };
const nwea = {
  type: 'assessment',
  vendor: 'NWEA',
  product: 'MAP Growth',
} as const;
const campus = {
  vendor: 'Infinite Campus',
  product: 'Campus Student Information System',
} as const;

/**
 * Three districts of one BOCES. Each case of the comparison is one element:
 * student-id is held everywhere but from two products, attendance by two
 * districts from the same product, reading-score by two districts in use
 * and a third only planned, device-assigned in two in-house trackers,
 * section-504 and disability-status only in Alder Creek, and home-language
 * by nobody.
 */
const model: ReadModel = {
  districts: [BOCES, ALDER, BIRCH, CEDAR].map(district),
  elements: [
    element('student-id', { domain: 'enrollment', cedsId: '001071' }),
    element('attendance'),
    element('reading-score', { domain: 'assessment' }),
    element('device-assigned', { domain: 'access' }),
    element('disability-status', { domain: 'program', subgroup: true }),
    element('section-504', { domain: 'program', subgroup: true }),
    element('home-language', { domain: 'demographics' }),
  ],
  indicators: [],
  sources: [
    source('alder-sis', ALDER, [
      'student-id',
      'attendance',
      'section-504',
      { name: 'disability-status', status: 'partial', grades: ['K'] },
    ]),
    source('alder-iep', ALDER, ['disability-status'], {
      type: 'special-education',
      vendor: 'Frontline Education',
      product: 'IEP Direct',
    }),
    source('alder-map', ALDER, ['reading-score'], nwea),
    source('alder-schooltool', ALDER, ['student-id', 'home-language'], {
      lifecycle: 'retired',
      vendor: 'SchoolTool',
      product: 'SchoolTool',
    }),
    source(
      'birch-sis',
      BIRCH,
      [
        'student-id',
        {
          name: 'attendance',
          field: 'DAILY_ATT',
          grades: ['1', '2'],
          years: ['2023-24', '2024-25'],
        },
      ],
      { lifecycle: 'deprecated' },
    ),
    source('birch-star', BIRCH, ['reading-score'], {
      type: 'assessment',
      lifecycle: 'planned',
      vendor: 'Renaissance',
      product: 'Star Reading',
    }),
    source('birch-devices', BIRCH, ['device-assigned'], {
      type: 'spreadsheet',
      ...noProduct,
    }),
    source('cedar-sis', CEDAR, ['student-id'], campus),
    source('cedar-map', CEDAR, ['reading-score'], nwea),
    source('cedar-devices', CEDAR, ['device-assigned'], {
      type: 'spreadsheet',
      ...noProduct,
    }),
    source('northlake-rdw', BOCES, ['student-id', 'home-language'], {
      type: 'warehouse',
      vendor: 'Northlake BOCES',
      product: 'Regional Data Warehouse',
    }),
  ],
};

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'ElementComparisonService on %p',
  databaseId => {
    let service: ElementComparisonService;
    let items: Map<string, ElementComparison>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = new DatabaseReadModelStore(knex);
      await store.replace(model, 'small-region');
      service = new ElementComparisonService(store);
      const answer = await service.compare();
      items = new Map(answer.items.map(item => [item.ref, item]));
    });

    const item = (name: string) => items.get(el(name))!;
    const sourcesIn = (name: string) =>
      Object.fromEntries(
        Object.entries(item(name).districts).map(([d, holdings]) => [
          d,
          holdings.map(h => h.source),
        ]),
      );

    it('compares the member districts only, every element once', async () => {
      const answer = await service.compare();
      expect(answer.districts).toEqual([
        { ref: ALDER, title: 'District alder-creek' },
        { ref: BIRCH, title: 'District birch-harbor' },
        { ref: CEDAR, title: 'District cedar-point' },
      ]);
      expect(answer.items.map(i => i.ref).sort()).toEqual(
        model.elements.map(e => e.ref).sort(),
      );
      expect(item('student-id')).toMatchObject({
        title: 'Element student-id',
        domain: 'enrollment',
        subgroup: false,
        cedsId: '001071',
      });
    });

    it('says which districts hold an element, from which source and vendor, with coverage', () => {
      expect(item('attendance').districts).toEqual({
        [ALDER]: [
          {
            element: el('attendance'),
            source: src('alder-sis'),
            sourceTitle: 'Source alder-sis',
            district: ALDER,
            vendor: 'PowerSchool',
            product: 'PowerSchool SIS',
            lifecycle: 'production',
            field: 'ATTENDANCE',
            status: 'available',
            grades: ['K', '1', '2'],
            years: ['2024-25'],
          },
        ],
        [BIRCH]: [
          expect.objectContaining({
            source: src('birch-sis'),
            lifecycle: 'deprecated',
            field: 'DAILY_ATT',
            grades: ['1', '2'],
            years: ['2023-24', '2024-25'],
          }),
        ],
      });
      expect(item('attendance').districtCount).toBe(2);
      expect(item('attendance').vendors).toEqual(['PowerSchool']);
    });

    it('lists every source of an element in a district, but counts the district once', () => {
      expect(sourcesIn('disability-status')).toEqual({
        [ALDER]: [src('alder-iep'), src('alder-sis')],
      });
      expect(item('disability-status').districts[ALDER][1]).toMatchObject({
        status: 'partial',
        grades: ['K'],
      });
      expect(item('disability-status')).toMatchObject({
        districtCount: 1,
        vendors: ['Frontline Education', 'PowerSchool'],
        alike: false,
      });
    });

    it('leaves out retired sources and the BOCES', () => {
      expect(sourcesIn('student-id')).toEqual({
        [ALDER]: [src('alder-sis')],
        [BIRCH]: [src('birch-sis')],
        [CEDAR]: [src('cedar-sis')],
      });
      // Held only by a retired source and by the BOCES warehouse.
      expect(item('home-language')).toMatchObject({
        districts: {},
        districtCount: 0,
        vendors: [],
        alike: false,
      });
    });

    it('marks an element alike when every district has it from one product', () => {
      expect(item('attendance').alike).toBe(true);
      // Everywhere, but Cedar Point's SIS is another product.
      expect(item('student-id')).toMatchObject({
        districtCount: 3,
        vendors: ['Infinite Campus', 'PowerSchool'],
        alike: false,
      });
    });

    it('judges alike on the sources in use, but shows the planned ones', () => {
      expect(sourcesIn('reading-score')).toEqual({
        [ALDER]: [src('alder-map')],
        [BIRCH]: [src('birch-star')],
        [CEDAR]: [src('cedar-map')],
      });
      expect(item('reading-score')).toMatchObject({
        districtCount: 2,
        vendors: ['NWEA'],
        alike: true,
      });
    });

    it('never marks in-house systems alike, though neither names a vendor', () => {
      expect(sourcesIn('device-assigned')).toEqual({
        [BIRCH]: [src('birch-devices')],
        [CEDAR]: [src('cedar-devices')],
      });
      expect(item('device-assigned').districts[BIRCH][0].vendor).toBe(
        undefined,
      );
      expect(item('device-assigned')).toMatchObject({
        districtCount: 2,
        vendors: [],
        alike: false,
      });
    });

    it('does not call an element alike that only one district has', () => {
      expect(sourcesIn('section-504')).toEqual({
        [ALDER]: [src('alder-sis')],
      });
      expect(item('section-504')).toMatchObject({
        districtCount: 1,
        vendors: ['PowerSchool'],
        alike: false,
      });
    });

    it('filters by domain and by subgroup', async () => {
      const refs = async (filter: object) =>
        (await service.compare(filter)).items.map(i => i.ref).sort();
      expect(await refs({ domain: 'program' })).toEqual([
        el('disability-status'),
        el('section-504'),
      ]);
      expect(await refs({ subgroup: true })).toEqual([
        el('disability-status'),
        el('section-504'),
      ]);
      expect(await refs({ subgroup: false, domain: 'program' })).toEqual([]);
      expect(await refs({ domain: 'survey' })).toEqual([]);
      expect((await refs({ subgroup: false })).length).toBe(5);
    });
  },
);
