import { Grade } from '../vocabulary';
import { assessElement } from './assessElement';
import { DistrictIndex, indexDistrict } from './districtIndex';
import { compactGrades } from './grades';
import {
  DistrictCatalog,
  ElementAssessment,
  IndicatorAvailability,
  IndicatorRecord,
  IndicatorStatus,
} from './types';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// An indicator must be joined across sources when it is broken down by
// subgroup, or when no single source in use lists every element it requires.
function mustJoin(
  requires: string[],
  subgroups: string[],
  index: DistrictIndex,
): boolean {
  if (subgroups.length > 0) {
    return true;
  }
  if (requires.length <= 1) {
    return false;
  }
  const [first, ...rest] = requires;
  const candidates = [...(index.holders.get(first) ?? [])];
  return !candidates.some(source =>
    rest.every(element => index.holders.get(element)?.has(source)),
  );
}

// What the reason says after the element's title: the chosen provision's
// problems, or that no source provides it.
function detail(element: ElementAssessment): string {
  const chosen = element.provisions.find(p => p.source === element.chosen);
  return chosen ? chosen.problems.join('; ') : element.reason;
}

function statusAndReasons(
  required: ElementAssessment[],
  subgroups: ElementAssessment[],
): { status: IndicatorStatus; reasons: string[] } {
  const missing = required.filter(e => e.status === 'missing');
  if (missing.length > 0) {
    return { status: 'missing', reasons: missing.map(e => e.reason) };
  }

  const reasons = [
    ...required.filter(e => e.status === 'partial').map(e => e.reason),
    ...subgroups
      .filter(e => e.status !== 'available')
      .map(e => `Cannot be broken down by ${e.elementTitle}: ${detail(e)}`),
  ];
  if (reasons.length > 0) {
    return { status: 'partial', reasons };
  }

  return {
    status: 'available',
    reasons: [
      `All ${plural(required.length, 'required element')} and ${plural(
        subgroups.length,
        'subgroup element',
      )} are available`,
    ],
  };
}

/**
 * Assesses one indicator against a district already indexed; used by
 * assessDistrict so that the index is built once per district.
 */
export function assessIndicatorIn(
  indicator: IndicatorRecord,
  index: DistrictIndex,
): IndicatorAvailability {
  const result = {
    indicator: indicator.ref,
    indicatorTitle: indicator.title,
    stage: indicator.stage,
    construct: indicator.construct,
    district: index.district,
  };

  // A district with no grades on record is not said to serve none of them;
  // its elements are found missing instead.
  // Pre-kindergarten is outside most indicators: it counts only for those
  // that list PK, so that a source covering K-12 is not partial for them.
  let grades: Grade[] = index.grades.filter(g => g !== 'PK');
  if (indicator.grades.length > 0) {
    grades =
      index.grades.length > 0
        ? index.grades.filter(g => indicator.grades.includes(g))
        : indicator.grades;
    if (grades.length === 0) {
      return {
        ...result,
        status: 'not-applicable',
        reasons: [
          `${index.districtLabel} serves none of grades ${compactGrades(
            indicator.grades,
          )}`,
        ],
        elements: [],
      };
    }
  }

  const requires = [...new Set(indicator.requires)];
  const subgroups = [...new Set(indicator.disaggregateBy)].filter(
    e => !requires.includes(e),
  );
  const join = mustJoin(requires, subgroups, index);
  const context = { index, grades, mustJoin: join, key: `${grades} ${join}` };
  const required = requires.map(e => assessElement(e, 'required', context));
  const broken = subgroups.map(e => assessElement(e, 'subgroup', context));

  return {
    ...result,
    ...statusAndReasons(required, broken),
    elements: [...required, ...broken],
  };
}

/**
 * Whether and why a district can compute an indicator: available, partial,
 * missing or not applicable, with the reasons and every element judged.
 */
export function assessIndicator(
  indicator: IndicatorRecord,
  catalog: DistrictCatalog,
): IndicatorAvailability {
  return assessIndicatorIn(indicator, indexDistrict(catalog));
}
