import type { Workbook, Worksheet } from 'exceljs';
import {
  ActionItem,
  IndicatorAvailability,
  IndicatorEntityV1alpha1,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { SHEET_NAMES } from '../layout';
import { formatCode, formatGrades } from '../formatValues';
import { NameBook, shortName } from './names';
import { exportColumn, writeTable } from './sheetTable';

const INDICATOR_COLUMNS = [
  exportColumn('indicatorId', 'Indicator ID'),
  exportColumn('indicator', 'Indicator'),
  exportColumn('stage', 'Stage'),
  exportColumn('construct', 'Construct'),
  exportColumn('definition', 'Definition'),
  exportColumn('requires', 'Required elements'),
  exportColumn('subgroups', 'Subgroups'),
  exportColumn('grades', 'Grades'),
  exportColumn('owner', 'Owner'),
];

const GAP_COLUMNS = [
  exportColumn('district', 'District'),
  exportColumn('indicatorId', 'Indicator ID'),
  exportColumn('indicator', 'Indicator'),
  exportColumn('stage', 'Stage'),
  exportColumn('construct', 'Construct'),
  exportColumn('status', 'Status'),
  exportColumn('reasons', 'Reasons'),
];

const ACTION_COLUMNS = [
  exportColumn('district', 'District'),
  exportColumn('indicator', 'Indicator'),
  exportColumn('element', 'Element'),
  exportColumn('step', 'Step'),
  exportColumn('owner', 'Owner'),
  exportColumn('dueDate', 'Due date'),
  exportColumn('status', 'Status'),
  exportColumn('overdue', 'Overdue'),
  exportColumn('updatedBy', 'Last changed by'),
  exportColumn('updatedAt', 'Last changed'),
];

// Light fills that keep black text readable; the status is always written
// out as well, so the colour is never the only signal.
const STATUS_FILLS: Record<IndicatorStatus, string> = {
  available: 'FFD9EAD3',
  partial: 'FFFFF2CC',
  missing: 'FFF4CCCC',
  'not-applicable': 'FFEEEEEE',
};

function colourStatuses(sheet: Worksheet, statuses: IndicatorStatus[]) {
  const column = GAP_COLUMNS.findIndex(c => c.key === 'status') + 1;
  statuses.forEach((status, i) => {
    sheet.getRow(i + 2).getCell(column).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: STATUS_FILLS[status] },
    };
  });
}

function addIndicators(
  workbook: Workbook,
  indicators: IndicatorEntityV1alpha1[],
  titles: Map<string, string>,
  names: NameBook,
) {
  const titled = (refs: string[] = []) =>
    refs.map(ref => titles.get(shortName(ref)) ?? shortName(ref)).join(', ');

  writeTable(
    workbook.addWorksheet(SHEET_NAMES.indicators),
    INDICATOR_COLUMNS,
    indicators.map(indicator => ({
      indicatorId: indicator.metadata.name,
      indicator: indicator.metadata.title ?? indicator.metadata.name,
      stage: formatCode(indicator.spec.stage),
      construct: formatCode(indicator.spec.construct),
      definition: indicator.spec.definition,
      requires: titled(indicator.spec.requires),
      subgroups: titled(indicator.spec.disaggregateBy),
      grades: indicator.spec.grades ? formatGrades(indicator.spec.grades) : '',
      owner: names.nameOf(indicator.spec.owner, 'group'),
    })),
    { indicator: 40, definition: 60, requires: 48, subgroups: 40 },
  );
}

function addGaps(
  workbook: Workbook,
  gaps: IndicatorAvailability[],
  districtTitles: Map<string, string>,
) {
  const sheet = workbook.addWorksheet(SHEET_NAMES.gaps);
  writeTable(
    sheet,
    GAP_COLUMNS,
    gaps.map(gap => ({
      district: districtTitles.get(gap.district) ?? gap.district,
      indicatorId: shortName(gap.indicator),
      indicator: gap.indicatorTitle,
      stage: formatCode(gap.stage),
      construct: formatCode(gap.construct),
      status: formatCode(gap.status),
      reasons: gap.reasons.join('\n'),
    })),
    { district: 24, indicator: 40, reasons: 80 },
  );
  sheet.getColumn('reasons').alignment = { wrapText: true, vertical: 'top' };
  colourStatuses(
    sheet,
    gaps.map(gap => gap.status),
  );
}

function addActions(
  workbook: Workbook,
  content: {
    actions: ActionItem[];
    actionsNote?: string;
    districtTitles: Map<string, string>;
    indicatorTitles: Map<string, string>;
    elementTitles: Map<string, string>;
  },
  names: NameBook,
  today: string,
) {
  const sheet = workbook.addWorksheet(SHEET_NAMES.actions);
  const titleOf = (titles: Map<string, string>, ref?: string) =>
    ref ? titles.get(shortName(ref)) ?? ref : '';

  writeTable(
    sheet,
    ACTION_COLUMNS,
    content.actions.map(item => ({
      district: content.districtTitles.get(item.district) ?? item.district,
      indicator: titleOf(content.indicatorTitles, item.indicator),
      element: titleOf(content.elementTitles, item.element),
      step: item.step,
      owner: names.nameOf(item.owner, 'user'),
      dueDate: item.dueDate,
      status: formatCode(item.status),
      overdue:
        item.dueDate < today &&
        item.status !== 'done' &&
        item.status !== 'dropped'
          ? 'Yes'
          : 'No',
      updatedBy: names.nameOf(item.updatedBy, 'user'),
      updatedAt: item.updatedAt,
    })),
    { indicator: 40, element: 28, step: 60, owner: 24 },
  );
  if (content.actions.length === 0 && content.actionsNote) {
    sheet.addRow([content.actionsNote]);
  }
}

/**
 * Writes the sheets that read the catalog rather than describe it:
 * indicators, gaps and the action plan. The importer skips them.
 */
export function addAnalysisSheets(
  workbook: Workbook,
  content: {
    indicators: IndicatorEntityV1alpha1[];
    gaps: IndicatorAvailability[];
    actions: ActionItem[];
    actionsNote?: string;
    districtTitles: Map<string, string>;
    elementTitles: Map<string, string>;
  },
  names: NameBook,
  today: string,
): void {
  const indicatorTitles = new Map(
    content.indicators.map(i => [
      i.metadata.name.toLocaleLowerCase('en-US'),
      i.metadata.title ?? i.metadata.name,
    ]),
  );
  addIndicators(workbook, content.indicators, content.elementTitles, names);
  addGaps(workbook, content.gaps, content.districtTitles);
  addActions(workbook, { ...content, indicatorTitles }, names, today);
}
