import { normalizeLabel } from '../layout';
import { isValidName, sourceNameFor } from './entityNames';
import {
  ElementFields,
  ParsedRow,
  SourceFields,
  SourceSheetFields,
} from './parseRows';
import { RowPlace, RowProblem } from './types';

/** The rows that describe one source, gathered from every sheet. */
export interface SourceDraft {
  name: string;
  /** The first row that names it. */
  first: RowPlace;
  elementRows: ParsedRow<ElementFields>[];
  sourceRow?: ParsedRow<SourceSheetFields>;
}

export interface SourceDrafts {
  /** By lower-case name, in the order rows first name them. */
  drafts: Map<string, SourceDraft>;
  /** The source each element row belongs to, by the row's index. */
  sourceOfRow: Array<SourceDraft | undefined>;
  problems: RowProblem[];
  /** Finds a draft by Source ID or by system name. */
  find(text: string): SourceDraft | undefined;
}

/**
 * Groups rows by source: by Source ID where a row gives one, else by the
 * system's name. A system name that some row pairs with a Source ID means
 * that source on every row, so workbooks that fill the ID in only now and
 * then still give one source per system.
 */
export function gatherSources(
  district: string,
  elementRows: ParsedRow<ElementFields>[],
  sourceRows: ParsedRow<SourceSheetFields>[],
  columnOf: (sheet: string, key: string) => string,
): SourceDrafts {
  const problems: RowProblem[] = [];
  const idOfSystem = new Map<string, string>();
  for (const { values } of [...sourceRows, ...elementRows]) {
    if (values.sourceId && values.source && isValidName(values.sourceId)) {
      const system = normalizeLabel(values.source);
      if (!idOfSystem.has(system)) {
        idOfSystem.set(system, values.sourceId);
      }
    }
  }

  const nameOf = (row: ParsedRow<SourceFields>): string | undefined => {
    const { sourceId, source } = row.values;
    if (sourceId) {
      if (isValidName(sourceId)) {
        return sourceId;
      }
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: columnOf(row.sheet, 'sourceId'),
        value: sourceId,
        message:
          'expected an entity name: letters, digits, -, _ and . only, at most 63 characters',
      });
      return undefined;
    }
    if (source) {
      const name =
        idOfSystem.get(normalizeLabel(source)) ??
        sourceNameFor(district, source);
      if (isValidName(name)) {
        return name;
      }
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: columnOf(row.sheet, 'source'),
        value: source,
        message: 'expected a system name with letters or digits in it',
      });
      return undefined;
    }
    problems.push({
      sheet: row.sheet,
      row: row.row,
      message:
        'no source name; expected the Source system (or Source ID) column filled in',
    });
    return undefined;
  };

  const drafts = new Map<string, SourceDraft>();
  const draftFor = (name: string, first: RowPlace) => {
    const key = name.toLocaleLowerCase('en-US');
    let draft = drafts.get(key);
    if (!draft) {
      draft = { name, first, elementRows: [] };
      drafts.set(key, draft);
    }
    return draft;
  };

  const sourceOfRow = elementRows.map(row => {
    const name = nameOf(row);
    if (!name) {
      return undefined;
    }
    const draft = draftFor(name, { sheet: row.sheet, row: row.row });
    draft.elementRows.push(row);
    return draft;
  });

  for (const row of sourceRows) {
    const name = nameOf(row);
    if (!name) {
      continue;
    }
    const draft = draftFor(name, { sheet: row.sheet, row: row.row });
    if (draft.sourceRow) {
      problems.push({
        sheet: row.sheet,
        row: row.row,
        message: `describes ${name} again; it is already described in ${draft.sourceRow.sheet}!${draft.sourceRow.row}, and a source has one row on the Sources sheet`,
      });
      continue;
    }
    draft.sourceRow = row;
  }

  const find = (text: string) => {
    const exact = drafts.get(text.toLocaleLowerCase('en-US'));
    if (exact) {
      return exact;
    }
    const id = idOfSystem.get(normalizeLabel(text));
    if (id) {
      return drafts.get(id.toLocaleLowerCase('en-US'));
    }
    return drafts.get(sourceNameFor(district, text));
  };

  return { drafts, sourceOfRow, problems, find };
}
