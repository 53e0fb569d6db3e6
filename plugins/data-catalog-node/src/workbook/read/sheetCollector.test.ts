import { WorkbookReadError } from './errors';
import { columnLetter, RowBudget } from './sheetCollector';
import { collectRows } from './__testUtils__/buildWorkbook';

describe('SheetCollector', () => {
  it('files each data row under its sheet and row number, cells by column', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['Vendor', 'System', 'Data element'],
          ['Infinite Campus Inc', 'Campus', 'Days absent'],
        ],
      },
    ]);

    expect(rows.elements).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        cells: {
          vendor: 'Infinite Campus Inc',
          source: 'Campus',
          element: 'Days absent',
        },
      },
    ]);
    expect(rows.sheets).toEqual([
      {
        name: 'Inventory',
        kind: 'elements',
        headerRow: 1,
        ignoredColumns: [],
        columns: {
          vendor: 'Vendor (column A)',
          source: 'System (column B)',
          element: 'Data element (column C)',
        },
        dataRows: 1,
      },
    ]);
  });

  it('reads nothing above the header row', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['Alder Creek data inventory', 'Draft'],
          ['System', 'Data element'],
          ['Campus', 'Days absent'],
        ],
      },
    ]);

    expect(rows.elements.map(r => r.row)).toEqual([3]);
    expect(rows.skipped).toEqual([]);
  });

  it('skips blank rows inside the table', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element'],
          ['Campus', 'Days absent'],
          [undefined, undefined],
          [],
          ['Campus', 'Days in attendance'],
        ],
      },
    ]);

    expect(rows.elements.map(r => r.row)).toEqual([2, 5]);
    expect(rows.skipped).toEqual([]);
  });

  it('skips a section title inside the table, as a merged title row leaves it', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Grades'],
          ['Assessment systems'],
          ['MAP Growth', 'Reading scale score', 'K-10'],
        ],
      },
    ]);

    expect(rows.skipped).toEqual([
      { sheet: 'Inventory', row: 2, reason: 'title or section row' },
    ]);
    expect(rows.elements.map(r => r.row)).toEqual([3]);
  });

  it('keeps a row that names only an element, so its missing source is reported', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element'],
          [undefined, 'Days absent'],
        ],
      },
    ]);

    expect(rows.elements).toEqual([
      { sheet: 'Inventory', row: 2, cells: { element: 'Days absent' } },
    ]);
  });

  it('skips header rows repeated inside the table, in any of their names', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['Source system', 'Data element', 'Grades'],
          ['Campus', 'Days absent', 'K-12'],
          ['System', 'Element', 'Grade levels'],
          ['MAP Growth', 'Reading scale score', 'K-10'],
        ],
      },
    ]);

    expect(rows.skipped).toEqual([
      { sheet: 'Inventory', row: 3, reason: 'repeated header row' },
    ]);
    expect(rows.elements.map(r => r.row)).toEqual([2, 4]);
  });

  it('skips notes written only in columns the import ignores', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Renewal date', 'Cost'],
          [undefined, undefined, 'June', 'ask finance'],
          ['Campus', 'Days absent', 'July', '100'],
        ],
      },
    ]);

    expect(rows.skipped).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        reason: 'only columns the import ignores are filled',
      },
    ]);
    expect(rows.elements).toEqual([
      {
        sheet: 'Inventory',
        row: 3,
        cells: { source: 'Campus', element: 'Days absent' },
      },
    ]);
    expect(rows.sheets[0].ignoredColumns).toEqual(['Renewal date', 'Cost']);
  });

  it('files Sources and Lineage sheets apart from the element rows', () => {
    const rows = collectRows([
      {
        name: 'Sources',
        rows: [
          ['Source ID', 'Source system', 'Description'],
          ['alder-creek-sis', 'PowerSchool', 'The SIS.'],
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

    expect(rows.sources).toEqual([
      {
        sheet: 'Sources',
        row: 2,
        cells: {
          sourceId: 'alder-creek-sis',
          source: 'PowerSchool',
          description: 'The SIS.',
        },
      },
    ]);
    expect(rows.lineage).toEqual([
      {
        sheet: 'Lineage',
        row: 2,
        cells: { sourceId: 'alder-creek-map-growth', fedBy: 'alder-creek-sis' },
      },
    ]);
    expect(rows.elements).toEqual([]);
  });

  it('reads no rows of a sheet without a header and says why', () => {
    const rows = collectRows([
      { name: 'To do', rows: [['Ask Kwame'], ['Call vendor', 'Friday']] },
    ]);

    expect(rows.sheets[0]).toMatchObject({ name: 'To do', kind: 'skipped' });
    expect(rows.sheets[0].reason).toMatch(/^no header row found/);
    expect(rows.elements).toEqual([]);
    expect(rows.skipped).toEqual([]);
  });

  it('finds a header after up to 20 rows of titles and notes', () => {
    const notes = Array.from({ length: 19 }, (_, i) => [`Note ${i + 1}`]);
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [...notes, ['System', 'Data element'], ['Campus', 'Days absent']],
      },
    ]);

    expect(rows.sheets[0]).toMatchObject({ kind: 'elements', headerRow: 20 });
    expect(rows.elements.map(r => r.row)).toEqual([21]);
  });

  it('counts data rows only against the row limit', () => {
    const sheet = {
      name: 'Inventory',
      rows: [
        ['Alder Creek inventory'],
        ['System', 'Data element'],
        ['Campus', 'Days absent'],
        ['Assessments'],
        ['MAP', 'Reading scale score'],
      ],
    };

    const rows = collectRows([sheet], 2);

    expect(rows.elements).toHaveLength(2);
  });
});

describe('RowBudget', () => {
  it('stops at the first data row past the limit, across sheets, naming where', () => {
    const budget = new RowBudget(2);
    budget.take('Elements', 2);
    budget.take('More elements', 2);

    let error: unknown;
    try {
      budget.take('More elements', 3);
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error).toMatchObject({
      failure: 'tooManyRows',
      message:
        'the workbook has more than 2 data rows (the limit was passed at More elements!3)',
    });
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [8, 'H'],
    [26, 'Z'],
    [27, 'AA'],
    [28, 'AB'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('writes column %i as %s, as Excel shows it', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});
