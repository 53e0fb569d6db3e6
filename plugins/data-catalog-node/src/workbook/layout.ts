/*
 * The shape of a district's data-catalog workbook: which sheets it has and
 * which columns each sheet holds. The importer reads it, the exporter
 * writes it, and the tool's README documents it from here.
 */

/** One column of a sheet, with the header names people give it. */
export interface ColumnSpec<K extends string = string> {
  /** The key rows carry the cell's value under. */
  key: K;
  /** The header the exporter writes. */
  header: string;
  /** Other headers districts use for the same column. */
  aliases: string[];
  /** What the column holds, for the README and for error messages. */
  description: string;
}

/**
 * Turns a header, or a coded value, into the form it is compared in:
 * lower case, letters and digits only. `Linkable by Student ID?` and
 * `linkable_by_student_id` both become `linkablebystudentid`.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]/g, '');
}

function column<K extends string>(
  key: K,
  header: string,
  description: string,
  aliases: string[] = [],
): ColumnSpec<K> {
  return { key, header, aliases, description };
}

/**
 * The sheet districts already keep: one row per data element per source
 * system. The columns up to Notes are the districts' own; the ID columns,
 * source type, lifecycle and product are written by the exporter so that a
 * workbook exported and imported again gives back the same entities, and
 * are derived when a district's workbook lacks them.
 */
export const ELEMENT_COLUMNS = [
  column('source', 'Source system', 'The system or file, by its name.', [
    'system',
    'source',
    'data source',
    'system name',
    'application',
  ]),
  column('vendor', 'Vendor', 'The company that supplies the system.', [
    'vendor name',
    'provider',
  ]),
  column(
    'category',
    'Data category',
    'Administrative, assessment or digital platform.',
    ['category', 'data type'],
  ),
  column(
    'element',
    'Data element',
    'The element, by its name in the shared vocabulary or a new name.',
    ['element', 'element name', 'data element name', 'data point'],
  ),
  column(
    'definition',
    'Definition',
    'What the element means; used for elements the vocabulary lacks.',
    ['description', 'element definition'],
  ),
  column(
    'field',
    'Field name',
    'The column, field or property inside the source.',
    ['field', 'column name', 'source field', 'field or column'],
  ),
  column('grades', 'Grades', 'Grades covered, such as `K-12` or `PK, 3-8`.', [
    'grade levels',
    'grade span',
    'grade range',
  ]),
  column(
    'years',
    'Years',
    'School years covered, such as `2021-22 to 2024-25`, or dates.',
    ['school years', 'years available', 'years of data'],
  ),
  column(
    'frequency',
    'Collection frequency',
    'How often data can be got out: real time, daily, weekly, monthly, term, yearly, on request, never.',
    ['frequency', 'update frequency', 'refresh frequency'],
  ),
  column(
    'accessMethod',
    'Access method',
    'API, Ed-Fi ODS, export, manual or none.',
    ['access', 'how accessed', 'extraction method'],
  ),
  column(
    'linkable',
    'Linkable by student ID',
    'Yes when records carry the district student ID.',
    ['linkable', 'student id', 'links by student id', 'linked to student id'],
  ),
  column('owner', 'Owner', 'The group that owns the system.', [
    'system owner',
    'data owner',
    'owning team',
  ]),
  column('steward', 'Steward', 'The person who answers for its data.', [
    'data steward',
    'contact',
  ]),
  column(
    'privacy',
    'Privacy class',
    'Public, aggregate, de-identified, PII or sensitive PII.',
    ['privacy', 'sensitivity', 'data classification'],
  ),
  column(
    'availability',
    'Availability',
    'Available, partial, not collected or unusable.',
    ['status', 'element status', 'available'],
  ),
  column('notes', 'Notes', 'Anything a reader should know.', [
    'comments',
    'note',
    'remarks',
  ]),
  column(
    'sourceId',
    'Source ID',
    'The source entity name; derived from the district and system names when blank.',
  ),
  column(
    'elementId',
    'Element ID',
    'The element entity name; matched by the Data element column when blank.',
  ),
  column(
    'sourceType',
    'Source type',
    'SIS, assessment, LMS, digital platform, survey and so on; derived from the category when blank.',
    ['system type', 'type'],
  ),
  column(
    'lifecycle',
    'Lifecycle',
    'Planned, production, deprecated or retired; production when blank.',
  ),
  column('product', 'Product', 'The product name, where it differs.'),
] as const;

export type ElementColumnKey = (typeof ELEMENT_COLUMNS)[number]['key'];

/**
 * One row per source, for what belongs to the source as a whole. Written by
 * the exporter; optional on import, where it fills in what the element rows
 * cannot say.
 */
export const SOURCE_COLUMNS = [
  column('sourceId', 'Source ID', 'The source entity name.'),
  column('source', 'Source system', 'The system or file, by its name.'),
  column('description', 'Description', 'What the source is for.'),
  column('sourceType', 'Source type', 'As on the elements sheet.'),
  column('category', 'Data category', 'As on the elements sheet.'),
  column('lifecycle', 'Lifecycle', 'As on the elements sheet.'),
  column('vendor', 'Vendor', 'As on the elements sheet.'),
  column('product', 'Product', 'As on the elements sheet.'),
  column('owner', 'Owner', 'As on the elements sheet.'),
  column('steward', 'Steward', 'As on the elements sheet.'),
  column('accessMethod', 'Access method', 'As on the elements sheet.'),
  column('frequency', 'Collection frequency', 'As on the elements sheet.'),
  column('accessNote', 'Access note', 'How to get data out, in words.'),
  column('linkable', 'Linkable by student ID', 'As on the elements sheet.'),
  column('grades', 'Grades', 'Grades the source covers.'),
  column('years', 'Years', 'School years the source covers.'),
  column('privacy', 'Privacy class', 'As on the elements sheet.'),
  column('tags', 'Tags', 'Catalog tags, separated by commas.'),
] as const;

export type SourceColumnKey = (typeof SOURCE_COLUMNS)[number]['key'];

/** One row per feed between two sources: the lineage. */
export const LINEAGE_COLUMNS = [
  column('sourceId', 'Source ID', 'The source that receives the data.'),
  column('fedBy', 'Fed by', 'The Source ID of the upstream source.'),
  column(
    'elements',
    'Elements',
    'Element IDs that flow along the feed, separated by commas.',
  ),
  column('notes', 'Notes', 'How the feed runs.'),
] as const;

export type LineageColumnKey = (typeof LINEAGE_COLUMNS)[number]['key'];

/** Sheet names the exporter writes, in order. */
export const SHEET_NAMES = {
  elements: 'Sources and elements',
  sources: 'Sources',
  lineage: 'Lineage',
  indicators: 'Indicators',
  gaps: 'Gaps',
  actions: 'Action plan',
} as const;
