import {
  formatRowProblem,
  parseElementRows,
  parseLineageRows,
  parseSourceRows,
} from './parseRows';
import { collectRows } from './__testUtils__/buildWorkbook';

describe('parseElementRows', () => {
  it("parses each column's value with that column's reader", () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Grades', 'Years', 'Linkable', 'Privacy'],
          [
            'Campus',
            'Days absent',
            'PK, 3-8',
            '2022-23 to 2023-24',
            'Y',
            'PII',
          ],
        ],
      },
    ]);

    const [row] = parseElementRows(rows.elements, rows.sheets);

    expect(row).toEqual({
      sheet: 'Inventory',
      row: 2,
      values: {
        source: 'Campus',
        element: 'Days absent',
        grades: ['PK', '3', '4', '5', '6', '7', '8'],
        years: ['2022-23', '2023-24'],
        linkable: true,
        privacy: 'pii',
      },
      problems: [],
      faulty: [],
    });
  });

  it('reads numbers and dates in text columns as the text they show', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Field name', 'Notes'],
          [2024, 76, 1001, new Date(Date.UTC(2024, 7, 1))],
        ],
      },
    ]);

    const [row] = parseElementRows(rows.elements, rows.sheets);

    expect(row.values).toEqual({
      source: '2024',
      element: '76',
      field: '1001',
      notes: '2024-08-01',
    });
  });

  it('names the cell, its value and what was expected for a value it cannot read', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'School years', 'Linkable?'],
          ['Campus', 'Days absent', 'soon', 'maybe'],
        ],
      },
    ]);

    const [row] = parseElementRows(rows.elements, rows.sheets);

    expect(row.problems).toEqual([
      {
        sheet: 'Inventory',
        row: 2,
        column: 'School years (column C)',
        value: 'soon',
        message:
          'expected school years such as 2023-24, a range such as 2021-22 to 2024-25, or a date',
      },
      {
        sheet: 'Inventory',
        row: 2,
        column: 'Linkable? (column D)',
        value: 'maybe',
        message: 'expected Yes or No',
      },
    ]);
    expect(row.faulty).toEqual(['years', 'linkable']);
    expect(row.values).toEqual({ source: 'Campus', element: 'Days absent' });
  });

  it('names the column by its standard header when the sheet is not known', () => {
    const rows = collectRows([
      {
        name: 'Inventory',
        rows: [
          ['System', 'Data element', 'Grades'],
          ['Campus', 'Days absent', 'all'],
        ],
      },
    ]);

    const [row] = parseElementRows(rows.elements, []);

    expect(row.problems[0].column).toBe('Grades');
  });
});

describe('parseSourceRows and parseLineageRows', () => {
  it('read the Sources sheet, tags included, and the Lineage sheet as text', () => {
    const rows = collectRows([
      {
        name: 'Sources',
        rows: [
          ['Source ID', 'Tags', 'Years'],
          ['alder-creek-sis', 'Core, Student Records', '2024-25'],
        ],
      },
      {
        name: 'Lineage',
        rows: [
          ['Source ID', 'Fed by', 'Elements'],
          ['alder-creek-map-growth', 'alder-creek-sis', 'days-absent'],
        ],
      },
    ]);

    const [source] = parseSourceRows(rows.sources, rows.sheets);
    const [feed] = parseLineageRows(rows.lineage, rows.sheets);

    expect(source.values).toEqual({
      sourceId: 'alder-creek-sis',
      tags: ['core', 'student-records'],
      years: ['2024-25'],
    });
    expect(feed.values).toEqual({
      sourceId: 'alder-creek-map-growth',
      fedBy: 'alder-creek-sis',
      elements: 'days-absent',
    });
  });
});

describe('formatRowProblem', () => {
  it('writes where, which column and value, and why, on one line', () => {
    const line = formatRowProblem({
      sheet: 'Inventory',
      row: 7,
      column: 'Grades (column G)',
      value: 'all',
      message: 'expected grades such as K-12',
    });

    expect(line).toBe(
      'Inventory!7 Grades (column G) "all": expected grades such as K-12',
    );
  });

  it('leaves out the column and value of a whole-row problem', () => {
    const line = formatRowProblem({
      sheet: 'Inventory',
      row: 7,
      message: 'no source name',
    });

    expect(line).toBe('Inventory!7: no source name');
  });
});
