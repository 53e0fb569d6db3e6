import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorAvailability,
  IndicatorConstruct,
  IndicatorStage,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { CsvValue } from '../../lib/csv';
import { STATUS_LABELS } from '../StatusChip';

/** Stages as headings and filter choices show them. */
export const STAGE_LABELS: Record<IndicatorStage, string> = {
  access: 'Access',
  participation: 'Participation',
  outcomes: 'Outcomes',
};

/** Constructs as headings and filter choices show them. */
export const CONSTRUCT_LABELS: Record<IndicatorConstruct, string> = {
  'learner-profiles': 'Learner profiles',
  'personal-learning-paths': 'Personal learning paths',
  'competency-based-progression': 'Competency-based progression',
  'flexible-learning-environments': 'Flexible learning environments',
  'student-agency': 'Student agency',
  engagement: 'Engagement',
};

/** The narrowing a reader chose; an absent field lets everything through. */
export interface GapFilters {
  stage?: IndicatorStage;
  construct?: IndicatorConstruct;
  status?: IndicatorStatus;
  /**
   * A subgroup element's reference: only indicators that cannot be broken
   * down by it, because it is missing or partial, are kept.
   */
  subgroup?: string;
  /** Words to find in the indicator's title. */
  search?: string;
}

/** Whether an indicator is a gap a district can plan an action for. */
export function isGap(result: IndicatorAvailability): boolean {
  return result.status === 'missing' || result.status === 'partial';
}

/** Whether the district cannot break an indicator down by a subgroup. */
export function lacksSubgroup(
  result: IndicatorAvailability,
  subgroup: string,
): boolean {
  return result.elements.some(
    e =>
      e.role === 'subgroup' &&
      e.element === subgroup &&
      e.status !== 'available',
  );
}

/** The indicators a reader's filters let through, in the order given. */
export function filterGaps(
  results: IndicatorAvailability[],
  filters: GapFilters,
): IndicatorAvailability[] {
  const words = (filters.search ?? '')
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean);

  return results.filter(result => {
    const title = result.indicatorTitle.toLocaleLowerCase('en-US');
    return (
      (!filters.stage || result.stage === filters.stage) &&
      (!filters.construct || result.construct === filters.construct) &&
      (!filters.status || result.status === filters.status) &&
      (!filters.subgroup || lacksSubgroup(result, filters.subgroup)) &&
      words.every(word => title.includes(word))
    );
  });
}

/** A subgroup element some indicator is broken down by. */
export interface SubgroupOption {
  element: string;
  title: string;
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base' });

/** The subgroup elements the district's indicators are broken down by. */
export function subgroupOptions(
  results: IndicatorAvailability[],
): SubgroupOption[] {
  const byRef = new Map<string, string>();
  for (const result of results) {
    for (const element of result.elements) {
      if (element.role === 'subgroup') {
        byRef.set(element.element, element.elementTitle);
      }
    }
  }
  return [...byRef]
    .map(([element, title]) => ({ element, title }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** Indicators of one construct within a stage. */
export interface ConstructGroup {
  construct: IndicatorConstruct;
  results: IndicatorAvailability[];
}

/** Indicators of one stage, by construct. */
export interface StageGroup {
  stage: IndicatorStage;
  constructs: ConstructGroup[];
  count: number;
}

// Known values first in the vocabulary's order; anything newer after them,
// so that an indicator of a construct this page does not know still shows.
function orderOf(known: readonly string[], value: string): number {
  const index = known.indexOf(value);
  return index === -1 ? known.length : index;
}

/**
 * Indicators grouped by stage, then construct, in the vocabulary's order,
 * with the indicators of a group by title.
 */
export function groupGaps(results: IndicatorAvailability[]): StageGroup[] {
  const sorted = [...results].sort(
    (a, b) =>
      orderOf(INDICATOR_STAGES, a.stage) - orderOf(INDICATOR_STAGES, b.stage) ||
      a.stage.localeCompare(b.stage) ||
      orderOf(INDICATOR_CONSTRUCTS, a.construct) -
        orderOf(INDICATOR_CONSTRUCTS, b.construct) ||
      a.construct.localeCompare(b.construct) ||
      collator.compare(a.indicatorTitle, b.indicatorTitle),
  );

  const stages: StageGroup[] = [];
  for (const result of sorted) {
    let stage = stages[stages.length - 1];
    if (stage?.stage !== result.stage) {
      stage = { stage: result.stage, constructs: [], count: 0 };
      stages.push(stage);
    }
    let construct = stage.constructs[stage.constructs.length - 1];
    if (construct?.construct !== result.construct) {
      construct = { construct: result.construct, results: [] };
      stage.constructs.push(construct);
    }
    construct.results.push(result);
    stage.count += 1;
  }
  return stages;
}

/** A label for a value of the vocabulary, or the value itself if unknown. */
export function labelOf<T extends string>(
  labels: Record<T, string>,
  value: string,
): string {
  return (labels as Record<string, string>)[value] ?? value;
}

/**
 * The rows of the gap view's CSV export: district, indicator, stage,
 * construct, status and every reason, one per line of the cell.
 */
export function gapCsvRows(
  districtTitle: string,
  results: IndicatorAvailability[],
): CsvValue[][] {
  return [
    ['District', 'Indicator', 'Stage', 'Construct', 'Status', 'Reasons'],
    ...groupGaps(results).flatMap(stage =>
      stage.constructs.flatMap(group =>
        group.results.map(result => [
          districtTitle,
          result.indicatorTitle,
          labelOf(STAGE_LABELS, result.stage),
          labelOf(CONSTRUCT_LABELS, result.construct),
          STATUS_LABELS[result.status],
          result.reasons.join('\n'),
        ]),
      ),
    ),
  ];
}

/** How long ago something happened, in words: "2 minutes ago". */
export function ageInWords(then: Date, now: Date): string {
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return 'just now';
}
