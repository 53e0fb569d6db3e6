import { RegionMatrix } from '../../api';
import { MatrixOptions, matrixCsvRows, viewMatrix } from './matrixModel';

const counts = { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };

const matrix: RegionMatrix = {
  districts: [
    { ref: 'group:default/sodus', title: 'Sodus', summary: {} as any },
    { ref: 'group:default/gananda', title: 'Gananda', summary: {} as any },
    { ref: 'group:default/marion', title: 'Marion', summary: {} as any },
  ],
  indicators: [
    {
      ref: 'indicator:default/regents-passing',
      title: 'Regents passing',
      stage: 'outcomes',
      construct: 'competency-based-progression',
      counts,
    },
    {
      ref: 'indicator:default/device-at-home',
      title: 'Device at home',
      stage: 'access',
      construct: 'flexible-learning-environments',
      counts,
    },
    {
      ref: 'indicator:default/learning-plan',
      title: 'Personal learning plan',
      stage: 'access',
      construct: 'learner-profiles',
      counts,
    },
  ],
  statuses: [
    ['missing', 'available', 'available'],
    ['missing', 'partial', 'available'],
    ['available', 'missing', 'not-applicable'],
  ],
};

const options: MatrixOptions = {
  stage: 'all',
  construct: 'all',
  columnOrder: 'stage',
  rowSort: { key: 'name', direction: 'asc' },
  search: '',
};

const titles = (columns: number[]) =>
  columns.map(i => matrix.indicators[i].title);

describe('viewMatrix', () => {
  it('groups columns by stage, then construct, in the vocabulary order', () => {
    const view = viewMatrix(matrix, options);

    expect(titles(view.columns)).toEqual([
      'Personal learning plan',
      'Device at home',
      'Regents passing',
    ]);
    expect(view.bands.map(level => level.name)).toEqual(['Stage', 'Construct']);
    expect(view.bands[0].bands).toEqual([
      { label: 'Access', start: 0, count: 2 },
      { label: 'Outcomes', start: 2, count: 1 },
    ]);
    expect(view.bands[1].bands.map(b => b.label)).toEqual([
      'Learner profiles',
      'Flexible learning environments',
      'Competency-based progression',
    ]);
  });

  it('puts the indicators fewest districts can compute first', () => {
    const view = viewMatrix(matrix, {
      ...options,
      columnOrder: 'fewest-available',
    });

    // Ties go by title.
    expect(titles(view.columns)).toEqual([
      'Device at home',
      'Regents passing',
      'Personal learning plan',
    ]);
    expect(view.columnCounts.map(c => c.available)).toEqual([1, 1, 2]);
    expect(view.bands).toEqual([]);
  });

  it('totals rows over the columns shown and columns over the rows shown', () => {
    const view = viewMatrix(matrix, {
      ...options,
      construct: 'learner-profiles',
      search: 'o',
      rowSort: { key: 'available', direction: 'asc' },
    });

    expect(view.rows.map(d => matrix.districts[d].title)).toEqual([
      'Marion',
      'Sodus',
    ]);
    expect(view.rowTotals.map(c => c.available)).toEqual([0, 1]);
    expect(view.columnCounts).toEqual([
      { available: 1, partial: 0, missing: 0, 'not-applicable': 1 },
    ]);
    expect(matrixCsvRows(matrix, view)).toEqual([
      ['District', 'Personal learning plan', 'Available', 'Partial', 'Missing'],
      ['Marion', 'Not applicable', '0', '0', '0'],
      ['Sodus', 'Available', '1', '0', '0'],
    ]);
  });
});
