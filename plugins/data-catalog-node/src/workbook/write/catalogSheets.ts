import type { Workbook } from 'exceljs';
import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
} from '@internal/plugin-data-catalog-common';
import {
  ElementColumnKey,
  ELEMENT_COLUMNS,
  LineageColumnKey,
  LINEAGE_COLUMNS,
  SHEET_NAMES,
  SourceColumnKey,
  SOURCE_COLUMNS,
} from '../layout';
import {
  formatBoolean,
  formatCode,
  formatGrades,
  formatYears,
} from '../formatValues';
import { NameBook, shortName } from './names';
import { writeTable } from './sheetTable';

type Row<K extends string> = Partial<Record<K, string>>;

/**
 * The sheet districts keep: one row per element per source, with the
 * source's fields repeated on each row so that every row reads on its own.
 */
function elementRows(
  source: DataSourceEntityV1alpha1,
  vocabulary: Map<string, DataElementEntityV1alpha1>,
  names: NameBook,
): Row<ElementColumnKey>[] {
  const { spec } = source;
  const shared: Row<ElementColumnKey> = {
    source: source.metadata.title ?? source.metadata.name,
    vendor: spec.vendor ?? '',
    category: formatCode(spec.category),
    frequency: formatCode(spec.access.frequency),
    accessMethod: formatCode(spec.access.method),
    linkable: formatBoolean(spec.linkableByStudentId),
    owner: names.nameOf(spec.owner, 'group'),
    steward: names.nameOf(spec.steward, 'user'),
    privacy: formatCode(spec.privacy),
    sourceId: source.metadata.name,
    sourceType: formatCode(spec.type),
    lifecycle: formatCode(spec.lifecycle),
    product: spec.product ?? '',
  };

  return (spec.provides ?? []).map(provided => {
    const elementName = shortName(provided.element);
    const element = vocabulary.get(elementName.toLocaleLowerCase('en-US'));
    return {
      ...shared,
      element: element?.metadata.title ?? elementName,
      definition: element?.spec.definition ?? '',
      field: provided.field,
      grades: formatGrades(provided.coverage?.grades ?? spec.coverage.grades),
      years: formatYears(provided.coverage?.years ?? spec.coverage.years),
      availability: formatCode(provided.status ?? 'available'),
      notes: provided.note ?? '',
      elementId: elementName,
    };
  });
}

function sourceRow(
  source: DataSourceEntityV1alpha1,
  names: NameBook,
): Row<SourceColumnKey> {
  const { spec, metadata } = source;
  return {
    sourceId: metadata.name,
    source: metadata.title ?? metadata.name,
    description: metadata.description ?? '',
    sourceType: formatCode(spec.type),
    category: formatCode(spec.category),
    lifecycle: formatCode(spec.lifecycle),
    vendor: spec.vendor ?? '',
    product: spec.product ?? '',
    owner: names.nameOf(spec.owner, 'group'),
    steward: names.nameOf(spec.steward, 'user'),
    accessMethod: formatCode(spec.access.method),
    frequency: formatCode(spec.access.frequency),
    accessNote: spec.access.note ?? '',
    linkable: formatBoolean(spec.linkableByStudentId),
    grades: formatGrades(spec.coverage.grades),
    years: formatYears(spec.coverage.years),
    privacy: formatCode(spec.privacy),
    tags: (metadata.tags ?? []).join(', '),
  };
}

function lineageRows(
  source: DataSourceEntityV1alpha1,
): Row<LineageColumnKey>[] {
  return (source.spec.fedBy ?? []).map(feed => ({
    sourceId: source.metadata.name,
    fedBy: shortName(feed.source),
    elements: (feed.elements ?? []).map(shortName).join(', '),
    notes: feed.note ?? '',
  }));
}

/**
 * Writes the three sheets that describe the sources themselves, which the
 * importer reads back: sources and elements, sources, and lineage.
 */
export function addCatalogSheets(
  workbook: Workbook,
  sources: DataSourceEntityV1alpha1[],
  elements: DataElementEntityV1alpha1[],
  names: NameBook,
): void {
  const vocabulary = new Map(
    elements.map(e => [e.metadata.name.toLocaleLowerCase('en-US'), e]),
  );

  writeTable(
    workbook.addWorksheet(SHEET_NAMES.elements),
    ELEMENT_COLUMNS,
    sources.flatMap(source => elementRows(source, vocabulary, names)),
    { source: 32, element: 32, definition: 48, field: 28, notes: 40 },
  );
  writeTable(
    workbook.addWorksheet(SHEET_NAMES.sources),
    SOURCE_COLUMNS,
    sources.map(source => sourceRow(source, names)),
    { source: 32, description: 60, accessNote: 48, sourceId: 28 },
  );
  writeTable(
    workbook.addWorksheet(SHEET_NAMES.lineage),
    LINEAGE_COLUMNS,
    sources.flatMap(lineageRows),
    { sourceId: 28, fedBy: 28, elements: 60, notes: 48 },
  );
}
