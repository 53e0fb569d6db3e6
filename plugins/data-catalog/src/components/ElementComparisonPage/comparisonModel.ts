import { ElementDomain } from '@internal/plugin-data-catalog-common';
import { ElementComparison, Holding } from '../../api';

/** The districts and elements the comparison answers with. */
export interface Comparison {
  districts: Array<{ ref: string; title: string }>;
  items: ElementComparison[];
}

/** Which elements are shown. */
export interface ComparisonFilter {
  domain: ElementDomain | 'all';
  subgroupOnly: boolean;
  /** Only elements that some districts hold and others lack. */
  lackingOnly: boolean;
  /** Part of an element's title or CEDS ID; empty shows every element. */
  search: string;
}

export const DOMAIN_LABELS: Record<ElementDomain, string> = {
  enrollment: 'Enrollment',
  demographics: 'Demographics',
  program: 'Programs',
  attendance: 'Attendance',
  assessment: 'Assessment',
  course: 'Courses',
  'digital-learning': 'Digital learning',
  access: 'Access (devices, internet)',
  'learner-profile': 'Learner profile',
  survey: 'Surveys',
  discipline: 'Discipline',
};

/** The label of a domain, or the raw value when it is not a known one. */
export function domainLabel(domain: string): string {
  return DOMAIN_LABELS[domain as ElementDomain] ?? domain;
}

export const ALIKE_TEXT = 'Alike across the region: same product';

const STATUS_WORDS: Record<string, string> = {
  partial: 'Partial',
  unusable: 'Unusable',
  'not-collected': 'Not collected',
};

const LIFECYCLE_WORDS: Record<string, string> = {
  planned: 'Planned, not yet in use',
  deprecated: 'Being phased out',
};

/**
 * What to say about a holding besides its source and vendor: its status
 * when it is not simply available, and its lifecycle when not in production.
 */
export function holdingNotes(holding: Holding): string[] {
  const notes: string[] = [];
  if (holding.status !== 'available') {
    notes.push(STATUS_WORDS[holding.status] ?? holding.status);
  }
  if (LIFECYCLE_WORDS[holding.lifecycle]) {
    notes.push(LIFECYCLE_WORDS[holding.lifecycle]);
  }
  return notes;
}

/** The vendor and product of a holding, as one phrase. */
export function vendorOf(holding: Holding): string {
  const parts = [holding.vendor, holding.product].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Vendor not recorded';
}

/** True when some districts hold the element and at least one lacks it. */
export function isLacking(item: ElementComparison, total: number): boolean {
  return item.districtCount >= 1 && item.districtCount <= total - 1;
}

const collator = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
});

/** The elements that pass the filter, by title. */
export function filterElements(
  comparison: Comparison,
  filter: ComparisonFilter,
): ElementComparison[] {
  const total = comparison.districts.length;
  const search = filter.search.trim().toLocaleLowerCase('en-US');

  return comparison.items
    .filter(item => filter.domain === 'all' || item.domain === filter.domain)
    .filter(item => !filter.subgroupOnly || item.subgroup)
    .filter(item => !filter.lackingOnly || isLacking(item, total))
    .filter(
      item =>
        !search ||
        item.title.toLocaleLowerCase('en-US').includes(search) ||
        (item.cedsId ?? '').toLocaleLowerCase('en-US').includes(search),
    )
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** Districts by title, the order of the comparison's columns. */
export function sortDistricts(
  districts: Comparison['districts'],
): Comparison['districts'] {
  return [...districts].sort((a, b) => collator.compare(a.title, b.title));
}

/** One holding as a phrase for a CSV cell. */
function holdingText(holding: Holding): string {
  const details = [vendorOf(holding), ...holdingNotes(holding)];
  return `${holding.sourceTitle} (${details.join(', ')})`;
}

/**
 * Elements as rows of a CSV file: the element, how many districts hold it,
 * then each district's holdings, or nothing where it has none.
 */
export function comparisonCsvRows(
  districts: Comparison['districts'],
  items: ElementComparison[],
  total: number,
): string[][] {
  const header = [
    'Element',
    'Reference',
    'CEDS ID',
    'Domain',
    'Subgroup attribute',
    'Districts holding',
    'Alike across the region',
    ...districts.map(d => d.title),
  ];
  const rows = items.map(item => [
    item.title,
    item.ref,
    item.cedsId ?? '',
    domainLabel(item.domain),
    item.subgroup ? 'Yes' : 'No',
    `${item.districtCount} of ${total}`,
    item.alike ? 'Yes' : 'No',
    ...districts.map(d =>
      (item.districts[d.ref] ?? []).map(holdingText).join('; '),
    ),
  ]);
  return [header, ...rows];
}
