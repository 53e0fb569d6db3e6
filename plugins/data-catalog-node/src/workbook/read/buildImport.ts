import { validateDataCatalogEntity } from '@internal/plugin-data-catalog-common';
import { ELEMENT_COLUMNS, LINEAGE_COLUMNS, SOURCE_COLUMNS } from '../layout';
import {
  ImportContext,
  ImportedSource,
  ImportPlan,
  RowOutcome,
} from './importTypes';
import { readLineage } from './lineage';
import {
  parseElementRows,
  parseLineageRows,
  parseSourceRows,
} from './parseRows';
import { ElementResolver } from './resolveElements';
import { resolvePeople } from './resolvePeople';
import { gatherSources } from './sourceDrafts';
import { BuiltSource, buildSource } from './sourceEntity';
import { RowPlace, RowProblem, WorkbookRows } from './types';

const DEFAULT_HEADERS = new Map<string, string>(
  [...LINEAGE_COLUMNS, ...SOURCE_COLUMNS, ...ELEMENT_COLUMNS].map(c => [
    c.key,
    c.header,
  ]),
);

// Where a schema problem's field is written in the workbook.
const FIELD_COLUMNS: Array<[RegExp, string]> = [
  [/^spec\.provides\[\d+\]\.field/, 'field'],
  [/^spec\.provides\[\d+\]\.element/, 'element'],
  [/^spec\.provides\[\d+\]\.note/, 'notes'],
  [/^spec\.fedBy\[\d+\]\.source/, 'fedBy'],
  [/^spec\.fedBy\[\d+\]\.elements/, 'elements'],
];

/**
 * Turns a workbook's rows into the entities the import writes, matching
 * them against the catalog: one DataSource per source, proposed
 * DataElements for elements the vocabulary lacks, what became of each row,
 * and every problem found. Nothing here reads or writes files.
 */
export function buildImport(
  rows: WorkbookRows,
  context: ImportContext,
): ImportPlan {
  const sheetIndex = new Map(rows.sheets.map((sheet, i) => [sheet.name, i]));
  const sheets = new Map(rows.sheets.map(sheet => [sheet.name, sheet]));
  const columnOf = (sheet: string, key: string) =>
    sheets.get(sheet)?.columns[key] ?? DEFAULT_HEADERS.get(key) ?? key;

  const elementRows = parseElementRows(rows.elements, rows.sheets);
  const sourceRows = parseSourceRows(rows.sources, rows.sheets);
  const lineageRows = parseLineageRows(rows.lineage, rows.sheets);
  const problems: RowProblem[] = [
    ...elementRows,
    ...sourceRows,
    ...lineageRows,
  ].flatMap(row => row.problems);

  const gathered = gatherSources(
    context.district,
    elementRows,
    sourceRows,
    columnOf,
  );
  problems.push(...gathered.problems);

  const people = resolvePeople(context.catalog, context.district, [
    ...elementRows,
    ...sourceRows,
  ]);
  const resolver = new ElementResolver(context.catalog, columnOf);
  const rowElements = elementRows.map((row, i) =>
    gathered.sourceOfRow[i] ? resolver.resolve(row) : undefined,
  );
  const lineage = readLineage(
    lineageRows,
    gathered,
    context.catalog,
    resolver,
    columnOf,
  );
  problems.push(...resolver.problems, ...lineage.problems);

  const existing = new Map(
    [...context.existing].map(([name, entity]) => [
      name.toLocaleLowerCase('en-US'),
      entity,
    ]),
  );
  const elementOfRow = new Map(
    elementRows.map((row, i) => [row, rowElements[i]]),
  );
  const notes: string[] = [];
  const sources: ImportedSource[] = [];

  for (const [key, draft] of gathered.drafts) {
    const draftRows = [
      ...draft.elementRows,
      ...(draft.sourceRow ? [draft.sourceRow] : []),
    ];
    const built = buildSource(draft, {
      district: context.district,
      defaultOwner: context.defaultOwner,
      people,
      elements: draft.elementRows.map(row => elementOfRow.get(row)),
      feeds: lineage.feeds.get(key),
      existing: existing.get(key),
      faulty: new Set(draftRows.flatMap(row => row.faulty)),
    });
    notes.push(...built.notes);
    problems.push(...built.problems);
    // Schema problems would repeat what the rows' own problems say.
    if (
      built.problems.length === 0 &&
      draftRows.every(row => row.problems.length === 0)
    ) {
      problems.push(
        ...schemaProblems(built, draft.sourceRow ?? draft.first, columnOf),
      );
    }
    sources.push({ entity: built.entity, merged: existing.has(key) });
  }

  const proposed = resolver.proposedElements(
    context.defaultOwner,
    context.workbookName,
  );
  for (const { entity, first } of proposed) {
    for (const problem of validateDataCatalogEntity(entity)) {
      problems.push({
        ...first,
        message: `the proposed element ${entity.metadata.name} is not valid: ${problem.field}: ${problem.message}`,
      });
    }
  }

  const outcomes: RowOutcome[] = [];
  const actionOf = (name: string) =>
    existing.has(name.toLocaleLowerCase('en-US')) ? 'merged' : 'created';
  elementRows.forEach((row, i) => {
    const draft = gathered.sourceOfRow[i];
    if (!draft) {
      return;
    }
    const element = rowElements[i];
    outcomes.push({
      sheet: row.sheet,
      row: row.row,
      action: actionOf(draft.name),
      subject: `${draft.name} / ${element?.name ?? '-'}`,
      why: element?.why ?? 'no data element; source fields only',
    });
  });
  for (const draft of gathered.drafts.values()) {
    if (draft.sourceRow) {
      outcomes.push({
        sheet: draft.sourceRow.sheet,
        row: draft.sourceRow.row,
        action: actionOf(draft.name),
        subject: draft.name,
        why: 'source fields',
      });
    }
  }
  lineageRows.forEach((row, i) => {
    const receiver = lineage.receivers[i];
    if (receiver) {
      outcomes.push({
        sheet: row.sheet,
        row: row.row,
        action: actionOf(receiver.draft.name),
        subject: receiver.draft.name,
        why: `fed by ${receiver.upstream}`,
      });
    }
  });
  for (const { sheet, row, reason } of rows.skipped) {
    outcomes.push({ sheet, row, action: 'skipped', subject: '-', why: reason });
  }

  const byPlace = (a: RowPlace, b: RowPlace) =>
    (sheetIndex.get(a.sheet) ?? 0) - (sheetIndex.get(b.sheet) ?? 0) ||
    a.row - b.row;

  return {
    sources: sources.sort((a, b) =>
      a.entity.metadata.name.localeCompare(b.entity.metadata.name, 'en-US'),
    ),
    proposedElements: proposed.map(p => p.entity),
    outcomes: outcomes.sort(byPlace),
    problems: problems.sort(byPlace),
    unknownPeople: people.unknown,
    notes: [...sheetNotes(rows), ...notes],
  };
}

function schemaProblems(
  built: BuiltSource,
  at: RowPlace,
  columnOf: (sheet: string, key: string) => string,
): RowProblem[] {
  return validateDataCatalogEntity(built.entity).map(problem => {
    const index = /^spec\.(provides|fedBy)\[(\d+)\]/.exec(problem.field);
    const places =
      index?.[1] === 'provides' ? built.provideRows : built.feedRows;
    const place = (index && places[Number(index[2])]) || at;
    const key = FIELD_COLUMNS.find(([pattern]) =>
      pattern.test(problem.field),
    )?.[1];
    return {
      ...place,
      ...(key ? { column: columnOf(place.sheet, key) } : {}),
      message: `${problem.field} ${problem.message}`,
    };
  });
}

function sheetNotes(rows: WorkbookRows): string[] {
  const notes: string[] = [];
  for (const sheet of rows.sheets) {
    if (sheet.kind === 'skipped') {
      notes.push(`sheet ${sheet.name} skipped: ${sheet.reason}`);
    } else if (sheet.ignoredColumns.length > 0) {
      notes.push(
        `sheet ${sheet.name}: ignored columns ${sheet.ignoredColumns.join(
          ', ',
        )}`,
      );
    }
  }
  return notes;
}
