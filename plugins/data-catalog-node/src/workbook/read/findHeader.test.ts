import {
  ELEMENT_LABELS,
  findSheetLayout,
  HeaderRow,
  RowCells,
  SheetLayout,
} from './findHeader';
import { CellInput } from './values/cellInput';

/** Rows from row 1 down, each row's cells from column A. */
function sheetRows(...rows: Array<Array<CellInput | undefined>>) {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: [undefined, ...cells] as RowCells,
  }));
}

function headerOf(layout: SheetLayout): HeaderRow<string> {
  if (layout.kind === 'skipped') {
    throw new Error(`expected a header, got: ${layout.reason}`);
  }
  return layout.header;
}

describe('ELEMENT_LABELS', () => {
  it.each([
    ['Linkable by student ID', 'linkable'],
    ['Linkable by Student ID?', 'linkable'],
    ['linkable_by_student_id', 'linkable'],
    ['LINKABLE BY STUDENT ID', 'linkable'],
    ['  Linkable  by\nstudent-ID: ', 'linkable'],
    ['Source system', 'source'],
    ['System', 'source'],
    ['Application', 'source'],
    ['Data element', 'element'],
    ['Data point', 'element'],
    ['School years', 'years'],
    ['Grade span', 'grades'],
    ['Data steward', 'steward'],
    ['Contact', 'steward'],
    ['Comments', 'notes'],
    ['Source ID', 'sourceId'],
    ['Element ID', 'elementId'],
  ])('reads the header "%s" as the %s column', (text, key) => {
    expect(ELEMENT_LABELS.keyOf(text)).toBe(key);
  });

  it('knows no column for a header of its own', () => {
    expect(ELEMENT_LABELS.keyOf('Renewal date')).toBeUndefined();
  });
});

describe('findSheetLayout', () => {
  it('finds an element sheet by its source and element headers', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['Source system', 'Data element'], ['Campus', 'Days absent']),
    );

    expect(layout.kind).toBe('elements');
    expect(headerOf(layout)).toEqual({
      row: 1,
      columns: new Map([
        ['source', 1],
        ['element', 2],
      ]),
      ignored: [],
    });
  });

  it('takes the columns in whatever order the sheet has them', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['Grades', 'Data element', 'Owner', 'System', 'Years']),
    );

    expect(headerOf(layout).columns).toEqual(
      new Map([
        ['grades', 1],
        ['element', 2],
        ['owner', 3],
        ['source', 4],
        ['years', 5],
      ]),
    );
  });

  it('lists headers it does not know, as written, and ignores them', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['System', 'Renewal date', 'Data element', 'Cost ($)']),
    );

    expect(headerOf(layout).ignored).toEqual(['Renewal date', 'Cost ($)']);
    expect([...headerOf(layout).columns.keys()]).toEqual(['source', 'element']);
  });

  it('reads the first of two headers for one column and ignores the second', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['System', 'Data element', 'Notes', 'Comments']),
    );

    expect(headerOf(layout).columns.get('notes')).toBe(3);
    expect(headerOf(layout).ignored).toEqual(['Comments']);
  });

  it('finds the header below title rows and blank rows', () => {
    const rows = [
      { row: 1, cells: [undefined, 'Alder Creek data inventory'] },
      { row: 2, cells: [undefined, 'Updated by the data team, May 2024'] },
      { row: 5, cells: [undefined, 'System', 'Data element', 'Vendor'] },
      { row: 6, cells: [undefined, 'Campus', 'Days absent', 'Infinite'] },
    ];

    const layout = findSheetLayout('Inventory', rows);

    expect(headerOf(layout).row).toBe(5);
  });

  it('takes the row naming the most columns when a title names one', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(
        ['System', 'Data element'],
        ['Source system', 'Data element', 'Grades', 'Years'],
      ),
    );

    expect(headerOf(layout).row).toBe(2);
  });

  it('accepts Source ID and Element ID in place of names', () => {
    const layout = findSheetLayout(
      'Sources and elements',
      sheetRows(['Source ID', 'Element ID', 'Field name']),
    );

    expect(layout.kind).toBe('elements');
  });

  it('finds a Lineage sheet by Source ID and Fed by', () => {
    const layout = findSheetLayout(
      'Feeds',
      sheetRows(['Source ID', 'Fed by', 'Elements', 'Notes']),
    );

    expect(layout.kind).toBe('lineage');
    expect([...headerOf(layout).columns.keys()]).toEqual([
      'sourceId',
      'fedBy',
      'elements',
      'notes',
    ]);
  });

  it('finds a Sources sheet by a source column and one more', () => {
    const layout = findSheetLayout(
      'Systems',
      sheetRows(['Source ID', 'Source system', 'Description', 'Tags']),
    );

    expect(layout.kind).toBe('sources');
  });

  it.each(['Indicators', 'Gaps', 'Action plan', 'ACTION PLAN'])(
    'skips the export-only %s sheet even though it has headers',
    name => {
      const layout = findSheetLayout(
        name,
        sheetRows(['Source system', 'Data element']),
      );

      expect(layout).toEqual({
        kind: 'skipped',
        reason: 'written by the export for reading; not imported',
      });
    },
  );

  it('says what a sheet with no header row lacks', () => {
    const layout = findSheetLayout(
      'Notes',
      sheetRows(['Ask Kwame about the MAP export'], ['Call vendor']),
    );

    expect(layout).toEqual({
      kind: 'skipped',
      reason:
        'no header row found in its first 20 rows; expected a header row with Source system (or Source ID) and Data element (or Element ID) columns',
    });
  });

  it('names the columns a near-miss header has, so a renamed one is easy to spot', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['Title'], ['Platform', 'Data element', 'Grades']),
    );

    expect(layout).toEqual({
      kind: 'skipped',
      reason:
        'row 2 has Data element, Grades but not a header row with Source system (or Source ID) and Data element (or Element ID) columns',
    });
  });

  it('does not take numbers or dates as headers', () => {
    const layout = findSheetLayout(
      'Inventory',
      sheetRows(['System', 2024, 'Data element', new Date(0)]),
    );

    expect(headerOf(layout).columns).toEqual(
      new Map([
        ['source', 1],
        ['element', 3],
      ]),
    );
  });
});
