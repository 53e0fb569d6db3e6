import { WorkbookReadError } from './errors';
import { ReadProgress } from './types';
import { readWorkbook } from './readWorkbook';
import {
  removeTemporaryFolders,
  TestCell,
  writeWorkbook,
} from './__testUtils__/buildWorkbook';

jest.setTimeout(60_000);

afterAll(removeTemporaryFolders);

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected readWorkbook to fail');
}

function elementRows(count: number): TestCell[][] {
  return Array.from({ length: count }, (_, i) => [
    'Infinite Campus',
    `Element ${i + 1}`,
  ]);
}

describe('readWorkbook', () => {
  it("reads a district's headers whatever their case, spacing, punctuation or name", async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          [
            'SYSTEM',
            'data_element',
            'Linkable by Student ID?',
            'School  Years',
            'grade-levels',
            'Data Steward:',
          ],
          [
            'Infinite Campus',
            'Days absent',
            'Yes',
            '2021-22 to 2024-25',
            'K-12',
            'Kwame Ostrowski',
          ],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        cells: {
          source: 'Infinite Campus',
          element: 'Days absent',
          linkable: 'Yes',
          years: '2021-22 to 2024-25',
          grades: 'K-12',
          steward: 'Kwame Ostrowski',
        },
      },
    ]);
    expect(rows.sheets[0].columns).toEqual({
      source: 'SYSTEM (column A)',
      element: 'data_element (column B)',
      linkable: 'Linkable by Student ID? (column C)',
      years: 'School  Years (column D)',
      grades: 'grade-levels (column E)',
      steward: 'Data Steward: (column F)',
    });
  });

  it('reads columns in any order and reports the ones it ignores', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['Renewal date', 'Data element', 'Cost', 'Vendor', 'System'],
          ['June', 'Days absent', 1200, 'Infinite Campus Inc', 'Campus'],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements[0].cells).toEqual({
      element: 'Days absent',
      vendor: 'Infinite Campus Inc',
      source: 'Campus',
    });
    expect(rows.sheets[0].ignoredColumns).toEqual(['Renewal date', 'Cost']);
  });

  it('skips merged title rows above the table, and blank and section rows in it', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['Alder Creek data inventory'],
          ['Kept by the district data team'],
          [],
          ['System', 'Data element', 'Grades'],
          ['Administrative systems'],
          ['Infinite Campus', 'Days absent', 'K-12'],
          [],
          ['   ', ''],
          ['Assessment systems'],
          ['MAP Growth', 'Reading scale score', 'K-10'],
        ],
        merges: ['A1:C1', 'A2:C2'],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.sheets[0].headerRow).toBe(4);
    expect(
      rows.elements.map(r => [r.row, r.cells.source, r.cells.element]),
    ).toEqual([
      [6, 'Infinite Campus', 'Days absent'],
      [10, 'MAP Growth', 'Reading scale score'],
    ]);
    expect(rows.skipped).toEqual([
      { sheet: 'Inventory', row: 5, reason: 'title or section row' },
      { sheet: 'Inventory', row: 9, reason: 'title or section row' },
    ]);
  });

  it('skips a section row merged across the table, as one cell', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Grades'],
          ['Administrative systems'],
          ['Infinite Campus', 'Days absent', 'K-12'],
        ],
        merges: ['A2:C2'],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements.map(r => r.row)).toEqual([3]);
    expect(rows.skipped).toEqual([
      { sheet: 'Inventory', row: 2, reason: 'title or section row' },
    ]);
  });

  it('skips header rows repeated inside the table', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['Source system', 'Data element'],
          ['Infinite Campus', 'Days absent'],
          ['Source system', 'Data element'],
          ['MAP Growth', 'Reading scale score'],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements.map(r => r.row)).toEqual([2, 4]);
    expect(rows.skipped).toEqual([
      { sheet: 'Inventory', row: 3, reason: 'repeated header row' },
    ]);
    expect(rows.sheets[0].dataRows).toBe(2);
  });

  it('reads every element sheet of a workbook, each by its own header', async () => {
    const file = await writeWorkbook([
      {
        name: 'Administrative',
        rows: [
          ['System', 'Data element'],
          ['Infinite Campus', 'Days absent'],
        ],
      },
      { name: 'Read me', rows: [['Fill in one row per element.']] },
      {
        name: 'Assessment',
        rows: [
          ['Title: assessments'],
          ['Element', 'Grades', 'Source system'],
          ['Reading scale score', 'K-10', 'MAP Growth'],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.sheets.map(s => [s.name, s.kind, s.headerRow])).toEqual([
      ['Administrative', 'elements', 1],
      ['Read me', 'skipped', undefined],
      ['Assessment', 'elements', 2],
    ]);
    expect(rows.elements).toEqual([
      {
        sheet: 'Administrative',
        row: 2,
        cells: { source: 'Infinite Campus', element: 'Days absent' },
      },
      {
        sheet: 'Assessment',
        row: 3,
        cells: {
          element: 'Reading scale score',
          grades: 'K-10',
          source: 'MAP Growth',
        },
      },
    ]);
  });

  it('reads Excel dates as dates and TRUE/FALSE cells as yes/no', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Years', 'Linkable', 'Grades'],
          [
            'Infinite Campus',
            'Days absent',
            new Date(Date.UTC(2024, 2, 15)),
            true,
            new Date(Date.UTC(2024, 2, 8)),
          ],
          ['MAP Growth', 'Reading scale score', 45366, false, 5],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements.map(r => r.cells)).toEqual([
      {
        source: 'Infinite Campus',
        element: 'Days absent',
        years: new Date(Date.UTC(2024, 2, 15)),
        linkable: true,
        grades: new Date(Date.UTC(2024, 2, 8)),
      },
      {
        source: 'MAP Growth',
        element: 'Reading scale score',
        years: 45366,
        linkable: false,
        grades: 5,
      },
    ]);
  });

  it('reads formulas, rich text and links as what the cell shows', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Notes'],
          [
            { formula: 'UPPER("campus")', result: 'CAMPUS' },
            {
              richText: [
                { text: 'Days ', font: { bold: true } },
                { text: 'absent' },
              ],
            },
            { text: 'Vendor guide', hyperlink: 'https://example.org/guide' },
          ],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.elements[0].cells).toEqual({
      source: 'CAMPUS',
      element: 'Days absent',
      notes: 'Vendor guide',
    });
  });

  it('reads the Sources and Lineage sheets beside an element sheet', async () => {
    const file = await writeWorkbook([
      {
        name: 'Sources and elements',
        rows: [
          ['Source ID', 'Data element'],
          ['alder-creek-sis', 'Days absent'],
        ],
      },
      {
        name: 'Sources',
        rows: [
          ['Source ID', 'Description'],
          ['alder-creek-sis', 'The SIS.'],
        ],
      },
      {
        name: 'Lineage',
        rows: [
          ['Source ID', 'Fed by'],
          ['alder-creek-map-growth', 'alder-creek-sis'],
        ],
      },
    ]);

    const rows = await readWorkbook(file);

    expect(rows.sheets.map(s => s.kind)).toEqual([
      'elements',
      'sources',
      'lineage',
    ]);
    expect(rows.sources.map(r => r.cells)).toEqual([
      { sourceId: 'alder-creek-sis', description: 'The SIS.' },
    ]);
    expect(rows.lineage.map(r => r.cells)).toEqual([
      { sourceId: 'alder-creek-map-growth', fedBy: 'alder-creek-sis' },
    ]);
  });

  it('stops with tooManyRows once the data rows pass maxRows', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [['System', 'Data element'], ...elementRows(5)],
      },
    ]);

    const error = await failureOf(readWorkbook(file, { maxRows: 4 }));

    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error).toMatchObject({
      failure: 'tooManyRows',
      message:
        'the workbook has more than 4 data rows (the limit was passed at Inventory!6)',
    });
  });

  it('counts the data rows of all sheets together against maxRows', async () => {
    const file = await writeWorkbook([
      { name: 'First', rows: [['System', 'Data element'], ...elementRows(3)] },
      { name: 'Second', rows: [['System', 'Data element'], ...elementRows(3)] },
    ]);

    const error = await failureOf(readWorkbook(file, { maxRows: 5 }));

    expect(error).toMatchObject({
      failure: 'tooManyRows',
      message: expect.stringContaining('passed at Second!4'),
    });
  });

  it('reads a workbook with exactly maxRows data rows, not counting titles', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [
          ['Alder Creek inventory'],
          ['System', 'Data element'],
          ...elementRows(2),
          ['Assessments'],
          ['System', 'Data element'],
          ...elementRows(2),
        ],
      },
    ]);

    const rows = await readWorkbook(file, { maxRows: 4 });

    expect(rows.elements).toHaveLength(4);
  });

  it('refuses, before loading it, a workbook whose sheets span over twice maxRows', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [['System', 'Data element'], ...elementRows(20)],
      },
    ]);

    const error = await failureOf(readWorkbook(file, { maxRows: 5 }));

    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error).toMatchObject({
      failure: 'tooManyRows',
      message: `the sheets of ${file} span 21 rows, far more than the 5 data rows allowed`,
    });
  });

  it('reports progress while reading a large sheet', async () => {
    const file = await writeWorkbook([
      {
        name: 'Inventory',
        rows: [['System', 'Data element'], ...elementRows(1500)],
      },
    ]);
    const reports: ReadProgress[] = [];

    const rows = await readWorkbook(file, {
      onProgress: progress => reports.push(progress),
    });

    expect(rows.elements).toHaveLength(1500);
    const counts = reports.map(r => r.rowsRead);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBeLessThan(1501);
    expect(counts[counts.length - 1]).toBe(1501);
  });

  it('says which sheets it found when none has an element header', async () => {
    const file = await writeWorkbook(
      [
        { name: 'Read me', rows: [['Fill in one row per element.']] },
        {
          name: 'Systems',
          rows: [
            ['Source system', 'Vendor'],
            ['Infinite Campus', 'Infinite Campus Inc'],
          ],
        },
        {
          name: 'Elements',
          rows: [
            ['Platform', 'Data element'],
            ['Campus', 'Days absent'],
          ],
        },
      ],
      'district.xlsx',
    );

    const error = await failureOf(readWorkbook(file));

    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error).toMatchObject({ failure: 'noHeader' });
    expect((error as Error).message).toBe(
      [
        `no sheet of ${file} has a header row with Source system (or Source ID) and Data element (or Element ID) columns:`,
        '  Read me: no header row found in its first 20 rows; expected a header row with Source system (or Source ID) and Data element (or Element ID) columns',
        '  Systems: a sources sheet (header in row 1), which is read only beside an element sheet',
        '  Elements: row 1 has Data element but not a header row with Source system (or Source ID) and Data element (or Element ID) columns',
      ].join('\n'),
    );
  });
});
