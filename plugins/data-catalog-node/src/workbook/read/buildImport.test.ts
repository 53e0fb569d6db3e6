import { Entity } from '@backstage/catalog-model';
import {
  dataElement,
  loadDemoCatalog,
} from '@internal/plugin-data-catalog-common/testUtils';
import { buildImport } from './buildImport';
import { REVIEW_ANNOTATION } from './importTypes';
import { readWorkbook } from './readWorkbook';
import { CellInput } from './values/cellInput';
import {
  collectRows,
  removeTemporaryFolders,
  writeWorkbook,
} from './__testUtils__/buildWorkbook';

jest.setTimeout(60_000);

afterAll(removeTemporaryFolders);

const demo = loadDemoCatalog();
const catalog = demo.filter(e =>
  ['Group', 'User', 'DataElement', 'DataSource'].includes(e.kind),
);
const demoSource = (name: string) =>
  demo.find(e => e.kind === 'DataSource' && e.metadata.name === name)!;

type Cells = Record<string, CellInput | undefined>;

/** A sheet whose header names every column its rows fill, in first use. */
function sheet(name: string, rows: Cells[]) {
  const headers = [...new Set(rows.flatMap(row => Object.keys(row)))];
  return {
    name,
    rows: [headers, ...rows.map(row => headers.map(header => row[header]))],
  };
}

// What every source needs, so that tests of other columns import cleanly.
const SOURCE_CELLS: Cells = {
  'Data category': 'Administrative',
  'Access method': 'Export',
  'Collection frequency': 'Daily',
  'Linkable by student ID': 'Yes',
  'Privacy class': 'PII',
};

function importSheets(
  sheets: Array<ReturnType<typeof sheet>>,
  options: { existing?: Entity[]; catalog?: Entity[] } = {},
) {
  return buildImport(collectRows(sheets), {
    district: 'alder-creek',
    defaultOwner: 'group:alder-creek-data-team',
    catalog: options.catalog ?? catalog,
    existing: new Map((options.existing ?? []).map(e => [e.metadata.name, e])),
    workbookName: 'alder-creek.xlsx',
  });
}

const sourceNamed = (plan: ReturnType<typeof importSheets>, name: string) =>
  plan.sources.find(s => s.entity.metadata.name === name)?.entity;

describe('buildImport', () => {
  it("turns a district's workbook into one source per system, matched to the catalog", async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['Alder Creek data inventory'],
          [
            'System',
            'Element',
            'Field',
            'Grade levels',
            'School years',
            'Linkable by Student ID?',
            'Data owner',
            'Contact',
            'Type',
            'Category',
            'How accessed',
            'Update frequency',
            'Sensitivity',
          ],
          [
            'PowerSchool',
            'Days absent',
            'ABS_DAYS',
            'K-12',
            '2021-22 to 2023-24',
            true,
            'Alder Creek Technology Department',
            'Kwame Ostrowski',
            'SIS',
            'Admin',
            'SFTP/CSV',
            'Nightly',
            'PII',
          ],
          [
            'PowerSchool',
            'Daily attendance status',
            'ATT_CODE',
            'K-5',
            new Date(Date.UTC(2024, 2, 15)),
            'Y',
            'Alder Creek Technology Department',
            'Kwame Ostrowski',
          ],
        ],
        merges: ['A1:M1'],
      },
    ]);
    const rows = await readWorkbook(file);

    const plan = buildImport(rows, {
      district: 'alder-creek',
      defaultOwner: 'group:alder-creek-data-team',
      catalog,
      existing: new Map(),
      workbookName: 'alder-creek.xlsx',
    });

    expect(plan.problems).toEqual([]);
    expect(plan.unknownPeople).toEqual([]);
    expect(plan.proposedElements).toEqual([]);
    expect(plan.sources).toEqual([
      {
        merged: false,
        entity: {
          apiVersion: 'datacatalog.k12.dev/v1alpha1',
          kind: 'DataSource',
          metadata: { name: 'alder-creek-powerschool', title: 'PowerSchool' },
          spec: {
            type: 'sis',
            category: 'administrative',
            lifecycle: 'production',
            owner: 'group:alder-creek-it',
            steward: 'user:kwame-ostrowski',
            district: 'group:alder-creek',
            access: { method: 'export', frequency: 'daily' },
            linkableByStudentId: true,
            coverage: {
              grades: [
                'K',
                '1',
                '2',
                '3',
                '4',
                '5',
                '6',
                '7',
                '8',
                '9',
                '10',
                '11',
                '12',
              ],
              years: ['2021-22', '2022-23', '2023-24'],
            },
            privacy: 'pii',
            provides: [
              { element: 'dataelement:days-absent', field: 'ABS_DAYS' },
              {
                element: 'dataelement:daily-attendance-status',
                field: 'ATT_CODE',
                coverage: {
                  grades: ['K', '1', '2', '3', '4', '5'],
                  years: ['2023-24'],
                },
              },
            ],
          },
        },
      },
    ]);
    expect(plan.outcomes).toEqual([
      {
        sheet: 'Inventory',
        row: 3,
        action: 'created',
        subject: 'alder-creek-powerschool / days-absent',
        why: 'element by title',
      },
      {
        sheet: 'Inventory',
        row: 4,
        action: 'created',
        subject: 'alder-creek-powerschool / daily-attendance-status',
        why: 'element by title',
      },
    ]);
  });

  it('makes one source of rows that write the system differently, under the Source ID one row gives', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
        {
          'Source ID': 'alder-creek-ps',
          System: 'POWERSCHOOL',
          'Data element': 'Days in attendance',
        },
        { System: 'Power-School', 'Data element': 'Attendance rate' },
      ]),
    ]);

    expect(plan.problems).toEqual([]);
    expect(plan.sources.map(s => s.entity.metadata.name)).toEqual([
      'alder-creek-ps',
    ]);
    expect(plan.sources[0].entity.spec.provides?.map(p => p.element)).toEqual([
      'dataelement:days-absent',
      'dataelement:days-in-attendance',
      'dataelement:attendance-rate',
    ]);
  });

  it('proposes an element the vocabulary lacks, marked for review, and reuses it on later rows', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'MAP Growth',
          'Data element': 'Lexile measure',
          Definition: "The student's reading level on the Lexile scale.",
          ...SOURCE_CELLS,
          'Data category': 'Assessment',
          'Privacy class': 'De-identified',
        },
        {
          System: 'i-Ready',
          'Data element': 'lexile measure',
          ...SOURCE_CELLS,
        },
      ]),
    ]);

    expect(plan.problems).toEqual([]);
    expect(plan.proposedElements).toEqual([
      {
        apiVersion: 'datacatalog.k12.dev/v1alpha1',
        kind: 'DataElement',
        metadata: {
          name: 'lexile-measure',
          title: 'Lexile measure',
          description:
            'Proposed by an import of alder-creek.xlsx (sheet Inventory, row 2), since the shared vocabulary has no such element. Its domain, grain and value type are guesses to review.',
          annotations: { [REVIEW_ANNOTATION]: 'proposed' },
        },
        spec: {
          owner: 'group:alder-creek-data-team',
          definition: "The student's reading level on the Lexile scale.",
          domain: 'assessment',
          grain: 'student',
          valueType: 'string',
          privacy: 'de-identified',
        },
      },
    ]);
    expect(REVIEW_ANNOTATION).toBe('datacatalog.k12.dev/review');
    expect(plan.outcomes.map(o => [o.subject, o.why])).toEqual([
      ['alder-creek-map-growth / lexile-measure', 'proposed element'],
      ['alder-creek-i-ready / lexile-measure', 'proposed element'],
    ]);
  });

  it('says for each row how its element was found in the vocabulary', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days Absent',
          ...SOURCE_CELLS,
        },
        { System: 'PowerSchool', 'Data element': 'days-in-attendance' },
        { System: 'PowerSchool', 'Data element': '76' },
        {
          System: 'PowerSchool',
          'Data element': 'Rate of attendance',
          'Element ID': 'dataelement:attendance-rate',
        },
      ]),
    ]);

    expect(plan.problems).toEqual([]);
    expect(plan.outcomes.map(o => [o.subject, o.why])).toEqual([
      ['alder-creek-powerschool / days-absent', 'element by title'],
      ['alder-creek-powerschool / days-in-attendance', 'element by name'],
      [
        'alder-creek-powerschool / daily-attendance-status',
        'element by CEDS ID',
      ],
      ['alder-creek-powerschool / attendance-rate', 'element by ID'],
    ]);
    expect(plan.proposedElements).toEqual([]);
  });

  it('asks for the Element ID when a title matches several elements', () => {
    const twin = dataElement('days-absent-excused', { ceds: undefined });
    twin.metadata.title = 'Days absent';

    const plan = importSheets(
      [
        sheet('Inventory', [
          {
            System: 'PowerSchool',
            'Data element': 'Days absent',
            ...SOURCE_CELLS,
          },
        ]),
      ],
      { catalog: [...catalog, twin] },
    );

    expect(plan.problems).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        column: 'Data element (column B)',
        value: 'Days absent',
        message:
          'matches several elements by title: days-absent, days-absent-excused; expected one, so write its name in the Element ID column',
      },
    ]);
  });

  it('reports a row with no source name by its sheet and row, and leaves it out', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
        {
          System: undefined,
          'Data element': 'Days in attendance',
          Grades: 'K-5',
        },
      ]),
    ]);

    expect(plan.problems).toEqual([
      {
        sheet: 'Inventory',
        row: 3,
        message:
          'no source name; expected the Source system (or Source ID) column filled in',
      },
    ]);
    expect(plan.outcomes.map(o => o.row)).toEqual([2]);
    expect(plan.sources[0].entity.spec.provides).toHaveLength(1);
  });

  it('reports a Source ID that cannot be an entity name by its cell', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          'Source ID': 'PowerSchool SIS',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
      ]),
    ]);

    expect(plan.problems).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        column: 'Source ID (column A)',
        value: 'PowerSchool SIS',
        message:
          'expected an entity name: letters, digits, -, _ and . only, at most 63 characters',
      },
    ]);
    expect(plan.sources).toEqual([]);
  });

  it('reports each value it cannot read by its cell and what it expected, once', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          'Linkable by student ID': 'sometimes',
          Grades: 'all grades',
        },
      ]),
    ]);

    expect(plan.problems).toHaveLength(2);
    expect(plan.problems).toEqual(
      expect.arrayContaining([
        {
          sheet: 'Inventory',
          row: 2,
          column: 'Linkable by student ID (column F)',
          value: 'sometimes',
          message: 'expected Yes or No',
        },
        {
          sheet: 'Inventory',
          row: 2,
          column: 'Grades (column H)',
          value: 'all grades',
          message:
            'expected grades such as K-12, PK, 3-8 or Grade 3 (PK, K and 1 to 12)',
        },
      ]),
    );
  });

  it('says what a source lacks, at the first row that names it', () => {
    const plan = importSheets([
      sheet('Inventory', [
        { System: 'PowerSchool', 'Data element': 'Days absent' },
        { System: 'PowerSchool', 'Data element': 'Days in attendance' },
      ]),
    ]);

    expect(plan.problems.map(p => [p.row, p.message])).toEqual([
      [
        2,
        'source alder-creek-powerschool has no Data category; expected one of Administrative, Assessment, Digital platform on one of its rows or on the Sources sheet',
      ],
      [
        2,
        'source alder-creek-powerschool has no Access method; expected one of API, Ed-Fi ODS, Export, Manual, None on one of its rows or on the Sources sheet',
      ],
      [
        2,
        'source alder-creek-powerschool has no Collection frequency; expected one of Real time, Daily, Weekly, Monthly, Term, Yearly, On request, Never on one of its rows or on the Sources sheet',
      ],
      [
        2,
        'source alder-creek-powerschool has no Linkable by student ID; expected Yes or No on one of its rows or on the Sources sheet',
      ],
      [
        2,
        'source alder-creek-powerschool has no Privacy class; expected one of Public, Aggregate, De-identified, PII, Sensitive PII on one of its rows or on the Sources sheet',
      ],
    ]);
  });

  it('finds owners and stewards by name, title, display name or email', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'alder-creek-data-team',
          Steward: 'Julian Meeks',
        },
        {
          System: 'IEP Direct',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'Alder Creek Special Education Office',
          Steward: 'hana.castellano@example.org',
        },
        {
          System: 'Schoology',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'ALDER CREEK OFFICE OF CURRICULUM AND INSTRUCTION',
          Steward: 'user:renata-vasquez-lowe',
        },
      ]),
    ]);

    expect(plan.unknownPeople).toEqual([]);
    expect(
      plan.sources.map(s => [
        s.entity.metadata.name,
        s.entity.spec.owner,
        s.entity.spec.steward,
      ]),
    ).toEqual([
      [
        'alder-creek-iep-direct',
        'group:alder-creek-special-education',
        'user:hana-castellano',
      ],
      [
        'alder-creek-powerschool',
        'group:alder-creek-data-team',
        'user:julian-meeks',
      ],
      [
        'alder-creek-schoology',
        'group:alder-creek-instruction',
        'user:renata-vasquez-lowe',
      ],
    ]);
  });

  it('lists each unknown owner or steward once, with all its rows and a suggestion', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'Alder Creek Technology Department',
          Steward: 'Kwame Ostrowsky',
        },
        {
          System: 'PowerSchool',
          'Data element': 'Days in attendance',
          Steward: 'kwame ostrowsky',
        },
        {
          System: 'Transfinder',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'Transportation Office',
          Steward: 'Kwame Ostrowsky',
        },
      ]),
    ]);

    expect(plan.unknownPeople).toEqual([
      {
        name: 'Kwame Ostrowsky',
        column: 'Steward',
        rows: [
          { sheet: 'Inventory', row: 2 },
          { sheet: 'Inventory', row: 3 },
          { sheet: 'Inventory', row: 4 },
        ],
        suggestion: { name: 'Kwame Ostrowski', ref: 'user:kwame-ostrowski' },
      },
      {
        name: 'Transportation Office',
        column: 'Owner',
        rows: [{ sheet: 'Inventory', row: 4 }],
        suggestion: undefined,
      },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('gives a source without an Owner to the default owner, and says so', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
      ]),
    ]);

    expect(sourceNamed(plan, 'alder-creek-powerschool')?.spec.owner).toBe(
      'group:alder-creek-data-team',
    );
    expect(plan.notes).toEqual([
      'alder-creek-powerschool: no Owner given; owned by group:alder-creek-data-team until one is',
    ]);
  });

  it('does not call an Owner that names nobody missing', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'Transfinder',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Owner: 'Transportation Office',
        },
      ]),
    ]);

    expect(plan.unknownPeople.map(p => p.name)).toEqual([
      'Transportation Office',
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('notes rows of a source that disagree, and uses the first one', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Vendor: 'PowerSchool Group',
        },
        {
          System: 'PowerSchool',
          'Data element': 'Days in attendance',
          Vendor: 'Pearson',
        },
      ]),
    ]);

    expect(sourceNamed(plan, 'alder-creek-powerschool')?.spec.vendor).toBe(
      'PowerSchool Group',
    );
    expect(plan.notes).toContain(
      'alder-creek-powerschool: rows give different Vendor values; used "PowerSchool Group" (Inventory!2), not "Pearson" (Inventory!3)',
    );
  });

  it('takes the most sensitive privacy, and linkable if any row is', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          'Linkable by student ID': 'No',
          'Privacy class': 'Aggregate',
        },
        {
          System: 'PowerSchool',
          'Data element': 'Days in attendance',
          'Linkable by student ID': 'Yes',
          'Privacy class': 'Sensitive PII',
        },
        {
          System: 'PowerSchool',
          'Data element': 'Attendance rate',
          'Privacy class': 'PII',
        },
      ]),
    ]);

    const spec = sourceNamed(plan, 'alder-creek-powerschool')?.spec;
    expect(spec?.privacy).toBe('sensitive-pii');
    expect(spec?.linkableByStudentId).toBe(true);
  });

  it("merges into a source already in the district's folder, keeping what the workbook does not say", () => {
    const mapGrowth = demoSource('alder-creek-map-growth');

    const plan = importSheets(
      [
        sheet('Inventory', [
          {
            System: 'MAP Growth',
            'Data element': 'Reading growth percentile',
            'Field name': 'RIT_GROWTH_PCT',
            ...SOURCE_CELLS,
            'Data category': 'Assessment',
            'Collection frequency': 'Term',
          },
        ]),
      ],
      { existing: [mapGrowth] },
    );

    expect(plan.problems).toEqual([]);
    const [merged] = plan.sources;
    expect(merged.merged).toBe(true);
    expect(merged.entity.metadata).toMatchObject({
      name: 'alder-creek-map-growth',
      description: mapGrowth.metadata.description,
      tags: mapGrowth.metadata.tags,
    });
    expect(merged.entity.spec).toMatchObject({
      type: 'assessment',
      vendor: 'NWEA',
      product: 'MAP Growth',
      steward: mapGrowth.spec!.steward,
      access: {
        method: 'export',
        frequency: 'term',
        note: (mapGrowth.spec!.access as { note: string }).note,
      },
      provides: [
        {
          element: 'dataelement:reading-growth-percentile',
          field: 'RIT_GROWTH_PCT',
        },
      ],
    });
    expect(plan.outcomes.map(o => o.action)).toEqual(['merged']);
  });

  it("fills a source in from the Sources sheet, whose values win over the element rows'", () => {
    const plan = importSheets([
      sheet('Sources and elements', [
        {
          'Source ID': 'alder-creek-ps',
          'Source system': 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
          Vendor: 'Pearson',
        },
      ]),
      sheet('Sources', [
        {
          'Source ID': 'alder-creek-ps',
          Description: 'Enrolment, attendance and schedules.',
          Tags: 'Core, Student Records',
          Vendor: 'PowerSchool Group',
          'Access note': 'Nightly SFTP drop.',
        },
        { 'Source ID': 'alder-creek-ps', Description: 'Again.' },
      ]),
    ]);

    const source = sourceNamed(plan, 'alder-creek-ps');
    expect(source?.metadata).toMatchObject({
      description: 'Enrolment, attendance and schedules.',
      tags: ['core', 'student-records'],
    });
    expect(source?.spec.vendor).toBe('PowerSchool Group');
    expect(source?.spec.access.note).toBe('Nightly SFTP drop.');
    expect(plan.problems).toEqual([
      {
        sheet: 'Sources',
        row: 3,
        message:
          'describes alder-creek-ps again; it is already described in Sources!2, and a source has one row on the Sources sheet',
      },
    ]);
    expect(plan.outcomes.map(o => [o.sheet, o.row, o.why])).toEqual([
      ['Sources and elements', 2, 'element by title'],
      ['Sources', 2, 'source fields'],
    ]);
  });

  it('records feeds from the Lineage sheet, from this workbook or the catalog', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
        {
          System: 'Data warehouse',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
      ]),
      sheet('Lineage', [
        {
          'Source ID': 'alder-creek-data-warehouse',
          'Fed by': 'PowerSchool',
          Elements: 'Days absent; days-in-attendance',
          Notes: 'Nightly load.',
        },
        {
          'Source ID': 'alder-creek-data-warehouse',
          'Fed by': 'alder-creek-map-growth',
        },
      ]),
    ]);

    expect(plan.problems).toEqual([]);
    expect(sourceNamed(plan, 'alder-creek-data-warehouse')?.spec.fedBy).toEqual(
      [
        {
          source: 'datasource:alder-creek-powerschool',
          elements: [
            'dataelement:days-absent',
            'dataelement:days-in-attendance',
          ],
          note: 'Nightly load.',
        },
        { source: 'datasource:alder-creek-map-growth' },
      ],
    );
    expect(
      plan.outcomes.filter(o => o.sheet === 'Lineage').map(o => o.why),
    ).toEqual([
      'fed by datasource:alder-creek-powerschool',
      'fed by datasource:alder-creek-map-growth',
    ]);
  });

  it('reports Lineage rows naming sources or elements it cannot find', () => {
    const plan = importSheets([
      sheet('Inventory', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
      ]),
      sheet('Lineage', [
        { 'Source ID': 'alder-creek-nowhere', 'Fed by': 'PowerSchool' },
        { 'Source ID': 'alder-creek-powerschool', 'Fed by': 'Fax machine' },
        {
          'Source ID': 'alder-creek-powerschool',
          'Fed by': 'alder-creek-map-growth',
          Elements: 'Shoe size',
        },
      ]),
    ]);

    expect(plan.problems).toEqual([
      {
        sheet: 'Lineage',
        row: 2,
        column: 'Source ID (column A)',
        value: 'alder-creek-nowhere',
        message: 'expected the Source ID of a source in this workbook',
      },
      {
        sheet: 'Lineage',
        row: 3,
        column: 'Fed by (column B)',
        value: 'Fax machine',
        message:
          'expected the Source ID of a source in this workbook or in the catalog',
      },
      {
        sheet: 'Lineage',
        row: 4,
        column: 'Elements (column C)',
        value: 'Shoe size',
        message:
          'expected the Element ID of an element in the vocabulary or in this workbook',
      },
    ]);
  });

  it('notes ignored columns and skipped sheets, and reports skipped rows', () => {
    const plan = importSheets([
      { name: 'Read me', rows: [['Fill in one row per element.']] },
      sheet('Inventory', [
        {
          System: 'Administrative systems',
          'Data element': undefined,
          'Renewal date': undefined,
        },
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          'Renewal date': 'June',
          ...SOURCE_CELLS,
        },
      ]),
    ]);

    expect(plan.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sheet Read me skipped: no header row found/),
        'sheet Inventory: ignored columns Renewal date',
      ]),
    );
    expect(plan.outcomes).toMatchObject([
      {
        sheet: 'Inventory',
        row: 2,
        action: 'skipped',
        subject: '-',
        why: 'title or section row',
      },
      {
        sheet: 'Inventory',
        row: 3,
        action: 'created',
        subject: 'alder-creek-powerschool / days-absent',
        why: 'element by title',
      },
    ]);
  });

  it('reads two element sheets into the same sources, problems in sheet and row order', () => {
    const plan = importSheets([
      sheet('Administrative', [
        {
          System: 'PowerSchool',
          'Data element': 'Days absent',
          ...SOURCE_CELLS,
        },
        { System: 'PowerSchool', 'Data element': 'Days in attendance' },
        {
          System: 'PowerSchool',
          'Data element': 'Attendance rate',
          Years: 'soon',
        },
      ]),
      sheet('Assessment', [
        {
          System: 'PowerSchool',
          'Data element': 'Reading growth percentile',
          Grades: 'all',
        },
      ]),
    ]);

    expect(plan.problems.map(p => [p.sheet, p.row, p.column])).toEqual([
      ['Administrative', 4, 'Years (column H)'],
      ['Assessment', 2, 'Grades (column C)'],
    ]);
    expect(plan.sources).toHaveLength(1);
    expect(plan.sources[0].entity.spec.provides).toHaveLength(4);
  });
});
