import { Entity } from '@backstage/catalog-model';
import {
  ACCESS_FREQUENCIES,
  ACCESS_METHODS,
  DATA_CATALOG_API_VERSION,
  DATA_SOURCE_CATEGORIES,
  DATA_SOURCE_KIND,
  DataSourceCategory,
  DataSourceEntityV1alpha1,
  DataSourceType,
  GRADES,
  PRIVACY_CLASSES,
  PrivacyClass,
  ProvidedElement,
} from '@internal/plugin-data-catalog-common';
import { formatCode } from '../formatValues';
import { ELEMENT_COLUMNS } from '../layout';
import { PlacedFeed } from './lineage';
import { ElementFields, ParsedRow, SourceFields } from './parseRows';
import { RowElement } from './resolveElements';
import { ResolvedPeople } from './resolvePeople';
import { SourceDraft } from './sourceDrafts';
import { RowPlace, RowProblem } from './types';

/** What is needed to turn a draft into an entity. */
export interface SourceInputs {
  district: string;
  defaultOwner: string;
  people: ResolvedPeople;
  /** The element of each of the draft's element rows, in row order. */
  elements: Array<RowElement | undefined>;
  feeds?: PlacedFeed[];
  existing?: Entity;
  /** Columns of this source that already have a problem in some row. */
  faulty: Set<string>;
}

/** A source entity, with the rows its list entries came from. */
export interface BuiltSource {
  entity: DataSourceEntityV1alpha1;
  /** The row of each `spec.provides` entry. */
  provideRows: RowPlace[];
  /** The row of each `spec.fedBy` entry the workbook gave. */
  feedRows: RowPlace[];
  problems: RowProblem[];
  notes: string[];
}

const CATEGORY_OF_TYPE: Record<DataSourceType, DataSourceCategory> = {
  sis: 'administrative',
  assessment: 'assessment',
  lms: 'digital-platform',
  'digital-platform': 'digital-platform',
  survey: 'administrative',
  'special-education': 'administrative',
  'english-learner': 'administrative',
  'state-reporting': 'administrative',
  warehouse: 'administrative',
  spreadsheet: 'administrative',
  other: 'administrative',
};
const TYPE_OF_CATEGORY: Record<DataSourceCategory, DataSourceType> = {
  administrative: 'other',
  assessment: 'assessment',
  'digital-platform': 'digital-platform',
};

const headerOf = (key: string) =>
  ELEMENT_COLUMNS.find(column => column.key === key)?.header ?? key;

const choices = (codes: readonly string[]) =>
  `one of ${codes.map(formatCode).join(', ')}`;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: unknown): string {
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return String(value);
}

/**
 * Keys in the order the catalog's YAML writes them, then any others the
 * existing entity had; undefined values are left out.
 */
function ordered(
  known: Array<[string, unknown]>,
  rest: Record<string, unknown> = {},
): Record<string, any> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of known) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  for (const [key, value] of Object.entries(rest)) {
    if (!(key in result) && !known.some(([k]) => k === key)) {
      if (value !== undefined) {
        result[key] = value;
      }
    }
  }
  return result;
}

const PRIVACY_RANK = new Map<string, number>(
  PRIVACY_CLASSES.map((privacy, i) => [privacy, i]),
);

function inSchoolOrder(grades: Iterable<string>) {
  const found = new Set(grades);
  return GRADES.filter(grade => found.has(grade));
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/**
 * Builds one DataSource from its rows. The Sources sheet's value of a field
 * wins; then the first row that gives it, with a note when rows disagree;
 * then the existing entity's value, so a merge keeps what the workbook does
 * not say. Privacy is the most sensitive any row gives, linkable is Yes if
 * any row says so, and coverage the union of the rows'. Each row's
 * coverage is kept on its element only where it differs from the source's.
 */
export function buildSource(
  draft: SourceDraft,
  inputs: SourceInputs,
): BuiltSource {
  const notes: string[] = [];
  const problems: RowProblem[] = [];
  const sheetRow = draft.sourceRow?.values;
  const rows = draft.elementRows;
  const old = (inputs.existing?.spec ?? {}) as Record<string, any>;
  const oldMetadata = (inputs.existing?.metadata ?? {}) as Partial<
    Entity['metadata']
  >;

  const pick = <K extends keyof SourceFields>(key: K): SourceFields[K] => {
    const given: Array<{ value: SourceFields[K]; row: ParsedRow<unknown> }> =
      [];
    if (draft.sourceRow && sheetRow?.[key] !== undefined) {
      given.push({ value: sheetRow[key], row: draft.sourceRow });
    }
    for (const row of rows) {
      if (row.values[key] !== undefined) {
        given.push({ value: row.values[key], row });
      }
    }
    const differing = given.find(g => !same(g.value, given[0].value));
    if (differing) {
      notes.push(
        `${draft.name}: rows give different ${headerOf(
          key,
        )} values; used "${shown(given[0].value)}" (${given[0].row.sheet}!${
          given[0].row.row
        }), not "${shown(differing.value)}" (${differing.row.sheet}!${
          differing.row.row
        })`,
      );
    }
    return given[0]?.value;
  };

  const union = (key: 'grades' | 'years'): string[] | undefined => {
    if (sheetRow?.[key]) {
      return sheetRow[key];
    }
    const given = rows.filter(row => row.values[key]);
    if (given.length === 0) {
      return undefined;
    }
    const all = given.flatMap(row => row.values[key] as string[]);
    return key === 'grades' ? inSchoolOrder(all) : [...new Set(all)].sort();
  };

  const privacy = (): PrivacyClass | undefined => {
    if (sheetRow?.privacy) {
      return sheetRow.privacy;
    }
    return rows
      .map(row => row.values.privacy)
      .filter((p): p is PrivacyClass => p !== undefined)
      .sort((a, b) => PRIVACY_RANK.get(b)! - PRIVACY_RANK.get(a)!)[0];
  };

  const linkable = (): boolean | undefined => {
    if (sheetRow?.linkable !== undefined) {
      return sheetRow.linkable;
    }
    const given = rows
      .map(row => row.values.linkable)
      .filter(l => l !== undefined);
    return given.length > 0 ? given.some(Boolean) : undefined;
  };

  const person = (key: 'owner' | 'steward') => {
    const text = pick(key);
    return text ? inputs.people.refOf(key, text) : undefined;
  };

  // The workbook's values, then the existing entity's, then derived ones.
  const givenType = pick('sourceType');
  const givenCategory = pick('category');
  const type: DataSourceType | undefined =
    givenType ??
    (givenCategory && !old.type ? TYPE_OF_CATEGORY[givenCategory] : old.type);
  const category: DataSourceCategory | undefined =
    givenCategory ??
    (givenType && !old.category ? CATEGORY_OF_TYPE[givenType] : old.category);

  let owner = person('owner') ?? old.owner;
  if (!owner) {
    owner = inputs.defaultOwner;
    // An Owner that names nobody is reported as unknown, not as missing.
    if (!pick('owner')) {
      notes.push(
        `${draft.name}: no Owner given; owned by ${owner} until one is`,
      );
    }
  }

  const access = (old.access ?? {}) as Record<string, unknown>;
  const method = pick('accessMethod') ?? access.method;
  const frequency = pick('frequency') ?? access.frequency;
  const oldCoverage = (old.coverage ?? {}) as Record<string, string[]>;
  const grades = union('grades') ?? oldCoverage.grades ?? [];
  const years = union('years') ?? oldCoverage.years ?? [];

  const required: Array<[string, unknown, string]> = [
    ['category', category ?? type, `${choices(DATA_SOURCE_CATEGORIES)}`],
    ['accessMethod', method, choices(ACCESS_METHODS)],
    ['frequency', frequency, choices(ACCESS_FREQUENCIES)],
    ['linkable', linkable() ?? old.linkableByStudentId, 'Yes or No'],
    ['privacy', privacy() ?? old.privacy, choices(PRIVACY_CLASSES)],
  ];
  const at = draft.sourceRow ?? draft.first;
  for (const [key, value, expected] of required) {
    if (value === undefined && !inputs.faulty.has(key)) {
      problems.push({
        sheet: at.sheet,
        row: at.row,
        message: `source ${draft.name} has no ${headerOf(
          key,
        )}; expected ${expected} on one of its rows or on the Sources sheet`,
      });
    }
  }

  const provideRows: RowPlace[] = [];
  const provides: ProvidedElement[] = [];
  rows.forEach((row, i) => {
    const element = inputs.elements[i];
    if (!element) {
      return;
    }
    provideRows.push({ sheet: row.sheet, row: row.row });
    provides.push(provided(row, element, grades, years));
  });

  const feeds = inputs.feeds ?? [];
  const title =
    sheetRow?.source ?? rows.find(r => r.values.source)?.values.source;

  const metadata = ordered(
    [
      ['name', draft.name],
      ['namespace', oldMetadata.namespace],
      ['title', title && title !== draft.name ? title : oldMetadata.title],
      ['description', sheetRow?.description ?? oldMetadata.description],
      ['annotations', oldMetadata.annotations],
      ['labels', oldMetadata.labels],
      [
        'tags',
        // An empty Tags cell on the Sources sheet clears the tags.
        sheetRow?.tags ? nonEmpty(sheetRow.tags) : oldMetadata.tags,
      ],
      ['links', oldMetadata.links],
    ],
    oldMetadata as Record<string, unknown>,
  );

  const spec = ordered(
    [
      ['type', type],
      ['category', category],
      ['lifecycle', pick('lifecycle') ?? old.lifecycle ?? 'production'],
      ['owner', owner],
      ['steward', person('steward') ?? old.steward],
      ['district', `group:${inputs.district}`],
      ['vendor', pick('vendor') ?? old.vendor],
      ['product', pick('product') ?? old.product],
      [
        'access',
        ordered([
          ['method', method],
          ['frequency', frequency],
          ['note', sheetRow?.accessNote ?? access.note],
        ]),
      ],
      ['linkableByStudentId', linkable() ?? old.linkableByStudentId],
      ['coverage', { grades, years }],
      ['privacy', privacy() ?? old.privacy],
      ['provides', provides.length > 0 ? provides : old.provides],
      [
        'fedBy',
        feeds.length > 0 ? feeds.map(placed => placed.feed) : old.fedBy,
      ],
    ],
    old,
  );

  return {
    entity: {
      apiVersion: DATA_CATALOG_API_VERSION,
      kind: DATA_SOURCE_KIND,
      metadata,
      spec,
    } as DataSourceEntityV1alpha1,
    provideRows,
    feedRows: feeds.map(placed => placed.place),
    problems,
    notes,
  };
}

function provided(
  row: ParsedRow<ElementFields>,
  element: RowElement,
  grades: string[],
  years: string[],
): ProvidedElement {
  const { values } = row;
  const coverage = ordered([
    [
      'grades',
      values.grades && !same(values.grades, grades) ? values.grades : undefined,
    ],
    [
      'years',
      values.years && !same(values.years, years) ? values.years : undefined,
    ],
  ]);
  return ordered([
    ['element', `dataelement:${element.name}`],
    ['field', values.field ?? values.element ?? element.name],
    [
      'status',
      values.availability && values.availability !== 'available'
        ? values.availability
        : undefined,
    ],
    ['coverage', Object.keys(coverage).length > 0 ? coverage : undefined],
    ['note', values.notes],
  ]) as ProvidedElement;
}
