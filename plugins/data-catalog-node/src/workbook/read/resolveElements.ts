import { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  DATA_ELEMENT_KIND,
  DataElementEntityV1alpha1,
  DataSourceCategory,
  DataSourceType,
  ElementDomain,
  PrivacyClass,
} from '@internal/plugin-data-catalog-common';
import { bareName, isValidName, slugify } from './entityNames';
import { REVIEW_ANNOTATION } from './importTypes';
import { ElementMatcher } from './matchElements';
import { ElementFields, ParsedRow } from './parseRows';
import { RowPlace, RowProblem } from './types';

/** The element a row provides, and how it was found. */
export interface RowElement {
  name: string;
  why: string;
}

/** What a proposed element is made from: the first row that names it. */
interface Proposal {
  name: string;
  title?: string;
  definition?: string;
  privacy?: PrivacyClass;
  domain: ElementDomain;
  first: RowPlace;
}

// A guess a reviewer corrects: the area of data a kind of source holds.
const DOMAIN_OF_TYPE: Partial<Record<DataSourceType, ElementDomain>> = {
  assessment: 'assessment',
  lms: 'digital-learning',
  'digital-platform': 'digital-learning',
  survey: 'survey',
  'special-education': 'program',
  'english-learner': 'program',
};
const DOMAIN_OF_CATEGORY: Record<DataSourceCategory, ElementDomain> = {
  administrative: 'enrollment',
  assessment: 'assessment',
  'digital-platform': 'digital-learning',
};

function guessDomain(values: ElementFields): ElementDomain {
  return (
    (values.sourceType && DOMAIN_OF_TYPE[values.sourceType]) ??
    (values.category && DOMAIN_OF_CATEGORY[values.category]) ??
    'enrollment'
  );
}

/**
 * Finds the element of each row in the vocabulary, or proposes a new one.
 * A proposed element is named by the row's Element ID or by its Data
 * element text, and later rows naming it find it too.
 */
export class ElementResolver {
  private readonly matcher: ElementMatcher;
  private readonly proposals = new Map<string, Proposal>();
  readonly problems: RowProblem[] = [];

  constructor(
    catalog: Entity[],
    private readonly columnOf: (sheet: string, key: string) => string,
  ) {
    this.matcher = new ElementMatcher(
      catalog.filter(
        e =>
          e.apiVersion === DATA_CATALOG_API_VERSION &&
          e.kind === DATA_ELEMENT_KIND,
      ),
    );
  }

  /** The element of one row; undefined when the row names none. */
  resolve(row: ParsedRow<ElementFields>): RowElement | undefined {
    const { elementId, element } = row.values;
    if (elementId) {
      const found = this.matcher.byId(elementId);
      if (found && 'name' in found) {
        return this.found(found.name, 'element by ID');
      }
      const name = bareName(elementId);
      if (!isValidName(name)) {
        this.problem(
          row,
          'elementId',
          elementId,
          'expected an element name: letters, digits, -, _ and . only, at most 63 characters',
        );
        return undefined;
      }
      return this.propose(name, row);
    }
    if (!element) {
      return undefined;
    }

    const found = this.matcher.byText(element);
    if (found && 'name' in found) {
      return this.found(found.name, `element by ${found.by}`);
    }
    if (found) {
      this.problem(
        row,
        'element',
        element,
        `matches several elements by ${found.by}: ${found.ambiguous.join(
          ', ',
        )}; expected one, so write its name in the Element ID column`,
      );
      return undefined;
    }
    const name = slugify(element);
    if (!isValidName(name)) {
      this.problem(
        row,
        'element',
        element,
        'expected an element name with letters or digits in it',
      );
      return undefined;
    }
    return this.propose(name, row);
  }

  /** Finds an element for the Lineage sheet, which proposes none. */
  find(text: string): string | undefined {
    const found = this.matcher.byId(text) ?? this.matcher.byText(text);
    return found && 'name' in found ? found.name : undefined;
  }

  /** The proposed elements as entities, in the order rows named them. */
  proposedElements(
    owner: string,
    workbookName: string,
  ): Array<{ entity: DataElementEntityV1alpha1; first: RowPlace }> {
    return [...this.proposals.values()].map(proposal => ({
      first: proposal.first,
      entity: {
        apiVersion: DATA_CATALOG_API_VERSION,
        kind: DATA_ELEMENT_KIND,
        metadata: {
          name: proposal.name,
          ...(proposal.title && proposal.title !== proposal.name
            ? { title: proposal.title }
            : {}),
          description: `Proposed by an import of ${workbookName} (sheet ${proposal.first.sheet}, row ${proposal.first.row}), since the shared vocabulary has no such element. Its domain, grain and value type are guesses to review.`,
          annotations: { [REVIEW_ANNOTATION]: 'proposed' },
        },
        spec: {
          owner,
          definition:
            proposal.definition ??
            'No definition was given in the workbook; to be written.',
          domain: proposal.domain,
          grain: 'student',
          valueType: 'string',
          privacy: proposal.privacy ?? 'pii',
        },
      },
    }));
  }

  private found(name: string, by: string): RowElement {
    return this.proposals.has(name)
      ? { name, why: 'proposed element' }
      : { name, why: by };
  }

  private propose(name: string, row: ParsedRow<ElementFields>): RowElement {
    const { values } = row;
    this.proposals.set(name, {
      name,
      title: values.element,
      definition: values.definition,
      privacy: values.privacy,
      domain: guessDomain(values),
      first: { sheet: row.sheet, row: row.row },
    });
    this.matcher.add(name);
    return { name, why: 'proposed element' };
  }

  private problem(
    row: ParsedRow<ElementFields>,
    key: string,
    value: string,
    message: string,
  ) {
    this.problems.push({
      sheet: row.sheet,
      row: row.row,
      column: this.columnOf(row.sheet, key),
      value,
      message,
    });
  }
}
