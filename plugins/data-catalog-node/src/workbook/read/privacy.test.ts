import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { buildImport } from './buildImport';
import { formatRowProblem, parseElementRows } from './parseRows';
import { readWorkbook } from './readWorkbook';
import { CellInput } from './values/cellInput';
import {
  collectRows,
  removeTemporaryFolders,
  writeWorkbook,
} from './__testUtils__/buildWorkbook';

jest.setTimeout(60_000);

afterAll(removeTemporaryFolders);

const catalog = loadDemoCatalog().filter(e =>
  ['Group', 'User', 'DataElement', 'DataSource'].includes(e.kind),
);

const ELEMENT_HEADER = [
  'Source system',
  'Data element',
  'Definition',
  'Field name',
  'Data category',
  'Access method',
  'Collection frequency',
  'Linkable by student ID',
  'Privacy class',
  'Notes',
];

/** A complete element row with its Definition and Notes as given. */
function elementRow(
  element: string,
  definition?: CellInput,
  notes?: CellInput,
): Array<CellInput | undefined> {
  return [
    'Alder SIS',
    element,
    definition,
    element.toUpperCase().replace(/\W+/g, '_'),
    'Administrative',
    'Export',
    'Daily',
    'Yes',
    'PII',
    notes,
  ];
}

function planOf(sheets: Parameters<typeof collectRows>[0]) {
  return buildImport(collectRows(sheets), {
    district: 'alder-creek',
    defaultOwner: 'group:alder-creek-data-team',
    catalog,
    existing: new Map(),
    workbookName: 'alder-creek.xlsx',
  });
}

const elementsSheet = (...rows: Array<Array<CellInput | undefined>>) => ({
  name: 'Inventory',
  rows: [ELEMENT_HEADER, ...rows],
});

describe('the import refuses student records in free text', () => {
  it("names the sheet, row and column of an element's Notes", () => {
    const plan = planOf([
      elementsSheet(
        elementRow('Grade level', undefined, 'Kept since 2019-20'),
        elementRow('Days absent', undefined, 'Maria Lopez DOB 3/4/2012'),
      ),
    ]);

    expect(plan.problems).toHaveLength(1);
    const [problem] = plan.problems;
    expect(problem).toMatchObject({
      sheet: 'Inventory',
      row: 3,
      column: 'Notes (column J)',
    });
    // The cell's value is not repeated; the message masks what it found.
    expect(problem.value).toBeUndefined();
    expect(formatRowProblem(problem)).toMatch(
      /^Inventory!3 Notes \(column J\): looks like a student record: a date of birth beside a name \(M\*\*\*\* L\*\*\*\* DOB \*\/\*\/\*\*\*\*\)\. /,
    );
    expect(formatRowProblem(problem)).toContain(
      'FERPA and New York Education Law 2-d',
    );
    expect(formatRowProblem(problem)).not.toMatch(/Maria|Lopez|3\/4\/2012/);
  });

  it("refuses a proposed element's Definition, keeping it from the element", () => {
    const plan = planOf([
      elementsSheet(
        elementRow('Locker number', 'Locker of 2087654321, SSN 123-45-6789'),
      ),
    ]);

    expect(plan.problems).toEqual([
      expect.objectContaining({
        sheet: 'Inventory',
        row: 2,
        column: 'Definition (column C)',
        message: expect.stringContaining(
          'a 10-digit number like a New York student ID (NYSSIS) (********21) ' +
            'and a social security number (***-**-**89)',
        ),
      }),
    ]);
    expect(JSON.stringify(plan)).not.toContain('2087654321');
    expect(JSON.stringify(plan)).not.toContain('123-45-6789');
  });

  it("refuses a source's Description and Access note, and a feed's Notes", () => {
    const plan = planOf([
      elementsSheet(elementRow('Grade level')),
      {
        name: 'Sources',
        rows: [
          ['Source ID', 'Source system', 'Description', 'Access note'],
          [
            'alder-creek-alder-sis',
            'Alder SIS',
            'Test record: Lopez, Maria DOB 03/04/2012',
            'Ask for SSN 123456789 to log in',
          ],
        ],
      },
      {
        name: 'Lineage',
        rows: [
          ['Source ID', 'Fed by', 'Notes'],
          ['alder-creek-alder-sis', 'alder-creek-sis', 'Nightly; 2087654321'],
        ],
      },
    ]);

    expect(
      plan.problems.map(p => [
        p.sheet,
        p.row,
        p.column,
        p.message.split(':')[0],
      ]),
    ).toEqual([
      ['Sources', 2, 'Description (column C)', 'looks like a student record'],
      ['Sources', 2, 'Access note (column D)', 'looks like a student record'],
      ['Lineage', 2, 'Notes (column C)', 'looks like a student record'],
    ]);
  });

  it('reads a student ID typed into a cell as a number', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ELEMENT_HEADER,
          elementRow('Grade level', undefined, 2087654321),
        ],
      },
    ]);
    const rows = await readWorkbook(file);

    const [row] = parseElementRows(rows.elements, rows.sheets);

    expect(row.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Notes (column J)' }),
    ]);
    expect(row.values.notes).toBeUndefined();
    expect(row.faulty).toEqual(['notes']);
  });

  it('lets metadata through, numbers and dates and all', () => {
    const plan = planOf([
      elementsSheet(
        elementRow(
          'Days absent',
          'Days absent in the school year (CEDS 000076).',
          'Kept 2019-20 to 2024-25 for grades K-12; last verified 2026-11-30; vendor line 518-555-0100; 1,250 students a year',
        ),
        elementRow(
          'Grade level',
          'Grade of enrollment, PK-12.',
          'DOB field is BIRTH_DT, MM/DD/YYYY',
        ),
      ),
    ]);

    expect(plan.problems).toEqual([]);
    expect(plan.sources).toHaveLength(1);
  });

  it('leaves a Field name alone, as the source names it', () => {
    const row = elementRow('Guardian phone');
    row[3] = 'GUARDIAN_PHONE_5185550100';

    expect(planOf([elementsSheet(row)]).problems).toEqual([]);
  });
});
