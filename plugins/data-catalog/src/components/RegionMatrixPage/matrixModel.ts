import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorConstruct,
  IndicatorStage,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { RegionMatrix } from '../../api';
import { STATUS_LABELS } from '../StatusChip';

/** Counts of statuses over some cells of the matrix. */
export type Counts = Record<IndicatorStatus, number>;

/** How the indicator columns are ordered. */
export type ColumnOrder =
  | 'stage'
  | 'construct'
  | 'catalog'
  | 'fewest-available';

/** What the district rows are sorted by. */
export interface RowSort {
  key: 'name' | 'available' | 'partial' | 'missing';
  direction: 'asc' | 'desc';
}

/** Which part of the matrix is shown, and in what order. */
export interface MatrixOptions {
  stage: IndicatorStage | 'all';
  construct: IndicatorConstruct | 'all';
  columnOrder: ColumnOrder;
  rowSort: RowSort;
  /** Part of a district's title; empty shows every district. */
  search: string;
}

/** A run of adjacent columns sharing a stage or a construct. */
export interface Band {
  label: string;
  start: number;
  count: number;
}

/** One level of column grouping: what it groups by, and its runs. */
export interface BandLevel {
  name: 'Stage' | 'Construct';
  bands: Band[];
}

/** The matrix as shown: which rows and columns, their order and totals. */
export interface MatrixView {
  /** Indices into `matrix.districts`, in display order. */
  rows: number[];
  /** Indices into `matrix.indicators`, in display order. */
  columns: number[];
  /** Per row position: the district's counts over the columns shown. */
  rowTotals: Counts[];
  /** Per column position: the indicator's counts over the rows shown. */
  columnCounts: Counts[];
  /** Up to two levels of column grouping, outer first; empty when ungrouped. */
  bands: BandLevel[];
}

/** The one-character mark of each status, so that colour is not the only signal. */
export const STATUS_MARKS: Record<IndicatorStatus, string> = {
  available: 'A',
  partial: 'P',
  missing: 'M',
  'not-applicable': '–',
};

/** The statuses that get a total column at each row's end. */
export const TOTAL_STATUSES = ['available', 'partial', 'missing'] as const;

export const STAGE_LABELS: Record<IndicatorStage, string> = {
  access: 'Access',
  participation: 'Participation',
  outcomes: 'Outcomes',
};

export const CONSTRUCT_LABELS: Record<IndicatorConstruct, string> = {
  'learner-profiles': 'Learner profiles',
  'personal-learning-paths': 'Personal learning paths',
  'competency-based-progression': 'Competency-based progression',
  'flexible-learning-environments': 'Flexible learning environments',
  'student-agency': 'Student agency',
  engagement: 'Engagement',
};

/** The label of a stage, or the raw value when the backend knows a newer one. */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage as IndicatorStage] ?? stage;
}

/** The label of a construct, or the raw value when it is not a known one. */
export function constructLabel(construct: string): string {
  return CONSTRUCT_LABELS[construct as IndicatorConstruct] ?? construct;
}

/** Counts that are all zero. */
export function emptyCounts(): Counts {
  return { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
}

const collator = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
});

// Unknown stages and constructs sort after the known ones.
function rank(list: readonly string[], value: string): number {
  const index = list.indexOf(value);
  return index === -1 ? list.length : index;
}

/** Selects, orders and totals the matrix for the given options. */
export function viewMatrix(
  matrix: RegionMatrix,
  options: MatrixOptions,
): MatrixView {
  const { districts, indicators, statuses } = matrix;
  const search = options.search.trim().toLocaleLowerCase('en-US');

  const rowsShown = districts
    .map((_, d) => d)
    .filter(
      d =>
        !search ||
        districts[d].title.toLocaleLowerCase('en-US').includes(search),
    );

  // Each indicator's counts over the districts shown, whether or not its
  // column is: the "fewest available" order needs them all.
  const indicatorCounts = indicators.map(() => emptyCounts());
  for (const d of rowsShown) {
    const row = statuses[d] ?? [];
    for (let i = 0; i < indicators.length; i++) {
      const status = row[i];
      if (status) indicatorCounts[i][status] += 1;
    }
  }

  const columns = indicators
    .map((_, i) => i)
    .filter(
      i =>
        (options.stage === 'all' || indicators[i].stage === options.stage) &&
        (options.construct === 'all' ||
          indicators[i].construct === options.construct),
    );
  const byTitle = (a: number, b: number) =>
    collator.compare(indicators[a].title, indicators[b].title);
  const byStage = (a: number, b: number) =>
    rank(INDICATOR_STAGES, indicators[a].stage) -
    rank(INDICATOR_STAGES, indicators[b].stage);
  const byConstruct = (a: number, b: number) =>
    rank(INDICATOR_CONSTRUCTS, indicators[a].construct) -
    rank(INDICATOR_CONSTRUCTS, indicators[b].construct);
  if (options.columnOrder === 'stage') {
    columns.sort((a, b) => byStage(a, b) || byConstruct(a, b) || byTitle(a, b));
  } else if (options.columnOrder === 'construct') {
    columns.sort((a, b) => byConstruct(a, b) || byStage(a, b) || byTitle(a, b));
  } else if (options.columnOrder === 'fewest-available') {
    columns.sort(
      (a, b) =>
        indicatorCounts[a].available - indicatorCounts[b].available ||
        byTitle(a, b),
    );
  }

  const totalsByDistrict = new Map<number, Counts>();
  for (const d of rowsShown) {
    const counts = emptyCounts();
    const row = statuses[d] ?? [];
    for (const i of columns) {
      const status = row[i];
      if (status) counts[status] += 1;
    }
    totalsByDistrict.set(d, counts);
  }

  const { key, direction } = options.rowSort;
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: number, b: number) =>
    collator.compare(districts[a].title, districts[b].title);
  const rows = [...rowsShown].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const difference =
      totalsByDistrict.get(a)![key] - totalsByDistrict.get(b)![key];
    return sign * difference || byName(a, b);
  });

  return {
    rows,
    columns,
    rowTotals: rows.map(d => totalsByDistrict.get(d)!),
    columnCounts: columns.map(i => indicatorCounts[i]),
    bands: bandsOf(matrix, columns, options.columnOrder),
  };
}

function bandsOf(
  matrix: RegionMatrix,
  columns: number[],
  order: ColumnOrder,
): BandLevel[] {
  const stage = (i: number) => stageLabel(matrix.indicators[i].stage);
  const construct = (i: number) =>
    constructLabel(matrix.indicators[i].construct);
  const both = (i: number) => `${stage(i)}/${construct(i)}`;
  if (order === 'stage') {
    return [
      { name: 'Stage', bands: runs(columns, stage) },
      { name: 'Construct', bands: runs(columns, both, construct) },
    ];
  }
  if (order === 'construct') {
    return [
      { name: 'Construct', bands: runs(columns, construct) },
      { name: 'Stage', bands: runs(columns, both, stage) },
    ];
  }
  return [];
}

// Runs of adjacent columns with the same key, labelled by `label`.
function runs(
  columns: number[],
  key: (i: number) => string,
  label: (i: number) => string = key,
): Band[] {
  const result: Band[] = [];
  columns.forEach((i, position) => {
    const last = result[result.length - 1];
    if (last && key(columns[last.start]) === key(i)) {
      last.count += 1;
    } else {
      result.push({ label: label(i), start: position, count: 1 });
    }
  });
  return result;
}

/** The matrix as shown, as rows of a CSV file with a header row. */
export function matrixCsvRows(
  matrix: RegionMatrix,
  view: MatrixView,
): string[][] {
  const header = [
    'District',
    ...view.columns.map(i => matrix.indicators[i].title),
    ...TOTAL_STATUSES.map(status => STATUS_LABELS[status]),
  ];
  const body = view.rows.map((d, position) => {
    const row = matrix.statuses[d] ?? [];
    return [
      matrix.districts[d].title,
      ...view.columns.map(i => (row[i] ? STATUS_LABELS[row[i]] : '')),
      ...TOTAL_STATUSES.map(status => String(view.rowTotals[position][status])),
    ];
  });
  return [header, ...body];
}
