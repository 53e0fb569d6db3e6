import {
  AccessFrequency,
  AccessMethod,
  DataSourceCategory,
  DataSourceLifecycle,
  DataSourceType,
  ElementStatus,
  Grade,
  PrivacyClass,
} from '@internal/plugin-data-catalog-common';
import {
  ColumnSpec,
  ELEMENT_COLUMNS,
  ElementColumnKey,
  LINEAGE_COLUMNS,
  LineageColumnKey,
  SOURCE_COLUMNS,
  SourceColumnKey,
} from '../layout';
import { studentRecordProblem } from './studentRecords';
import { RowProblem, SheetRow, SheetSummary } from './types';
import {
  CellInput,
  cellText,
  isParsed,
  parseAccessMethod,
  parseAvailability,
  parseBoolean,
  parseCategory,
  parseFrequency,
  parseGrades,
  parseLifecycle,
  parsePrivacy,
  parseSourceType,
  parseTags,
  parseYears,
  Parsed,
} from './values';

/** The fields a row can give about its source, shared by two sheets. */
export interface SourceFields {
  source?: string;
  sourceId?: string;
  vendor?: string;
  product?: string;
  category?: DataSourceCategory;
  sourceType?: DataSourceType;
  lifecycle?: DataSourceLifecycle;
  owner?: string;
  steward?: string;
  accessMethod?: AccessMethod;
  frequency?: AccessFrequency;
  linkable?: boolean;
  grades?: Grade[];
  years?: string[];
  privacy?: PrivacyClass;
}

/** A row of an element sheet, its values parsed. */
export interface ElementFields extends SourceFields {
  element?: string;
  elementId?: string;
  definition?: string;
  field?: string;
  availability?: ElementStatus;
  notes?: string;
}

/** A row of the Sources sheet, its values parsed. */
export interface SourceSheetFields extends SourceFields {
  description?: string;
  accessNote?: string;
  tags?: string[];
}

/** A row of the Lineage sheet, its values parsed. */
export interface LineageFields {
  sourceId?: string;
  fedBy?: string;
  elements?: string;
  notes?: string;
}

type Parser = (input: CellInput) => Parsed<unknown>;

// Columns read as text need no entry; every other column has its parser.
const PARSERS: Record<string, Parser> = {
  category: parseCategory,
  sourceType: parseSourceType,
  lifecycle: parseLifecycle,
  accessMethod: parseAccessMethod,
  frequency: parseFrequency,
  linkable: parseBoolean,
  grades: parseGrades,
  years: parseYears,
  privacy: parsePrivacy,
  availability: parseAvailability,
  tags: parseTags,
};

/** A row with its parsed values and the problems its cells have. */
export interface ParsedRow<V> {
  sheet: string;
  row: number;
  values: V;
  problems: RowProblem[];
  /** Keys of the columns whose values could not be read. */
  faulty: string[];
}

function parseRow<K extends string, V>(
  row: SheetRow<K>,
  columns: readonly ColumnSpec<K>[],
  sheet: SheetSummary | undefined,
): ParsedRow<V> {
  const values: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const faulty: string[] = [];
  for (const { key, header } of columns) {
    const input = row.cells[key];
    if (input === undefined) {
      continue;
    }
    const parser = PARSERS[key];
    if (!parser) {
      const text = cellText(input);
      const column = sheet?.columns[key] ?? header;
      const refused = studentRecordProblem(row, key, column, text);
      if (refused) {
        // Kept out of the values, so that it can reach no entity.
        faulty.push(key);
        problems.push(refused);
      } else {
        values[key] = text;
      }
      continue;
    }
    const parsed = parser(input);
    if (isParsed(parsed)) {
      values[key] = parsed.value;
    } else {
      faulty.push(key);
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: sheet?.columns[key] ?? header,
        value: cellText(input),
        message: `expected ${parsed.expected}`,
      });
    }
  }
  return {
    sheet: row.sheet,
    row: row.row,
    values: values as V,
    problems,
    faulty,
  };
}

function sheetsByName(sheets: SheetSummary[]) {
  return new Map(sheets.map(sheet => [sheet.name, sheet]));
}

/** Parses the rows of the element sheets. */
export function parseElementRows(
  rows: SheetRow<ElementColumnKey>[],
  sheets: SheetSummary[],
): ParsedRow<ElementFields>[] {
  const byName = sheetsByName(sheets);
  return rows.map(row =>
    parseRow<ElementColumnKey, ElementFields>(
      row,
      ELEMENT_COLUMNS,
      byName.get(row.sheet),
    ),
  );
}

/** Parses the rows of the Sources sheet. */
export function parseSourceRows(
  rows: SheetRow<SourceColumnKey>[],
  sheets: SheetSummary[],
): ParsedRow<SourceSheetFields>[] {
  const byName = sheetsByName(sheets);
  return rows.map(row =>
    parseRow<SourceColumnKey, SourceSheetFields>(
      row,
      SOURCE_COLUMNS,
      byName.get(row.sheet),
    ),
  );
}

/** Parses the rows of the Lineage sheet. */
export function parseLineageRows(
  rows: SheetRow<LineageColumnKey>[],
  sheets: SheetSummary[],
): ParsedRow<LineageFields>[] {
  const byName = sheetsByName(sheets);
  return rows.map(row =>
    parseRow<LineageColumnKey, LineageFields>(
      row,
      LINEAGE_COLUMNS,
      byName.get(row.sheet),
    ),
  );
}

/** One line for a row problem: where, which column and value, and why. */
export function formatRowProblem(problem: RowProblem): string {
  const column = problem.column ? ` ${problem.column}` : '';
  const value = problem.value !== undefined ? ` "${problem.value}"` : '';
  return `${problem.sheet}!${problem.row}${column}${value}: ${problem.message}`;
}
