import { INDICATOR_CONSTRUCTS, INDICATOR_STAGES } from '../vocabulary';
import { assessIndicatorIn } from './assessIndicator';
import { indexDistrict } from './districtIndex';
import {
  DistrictCatalog,
  GapSummary,
  IndicatorAvailability,
  IndicatorRecord,
  StatusCounts,
} from './types';

/**
 * Changes whenever the rules could give another answer for the same
 * catalog. Answers are kept in the database under a signature that
 * includes it, so a release that changes the rules must change it.
 */
export const GAP_RULES_REVISION = 1;

/** Assesses every indicator for one district, in the order given. */
export function assessDistrict(
  indicators: IndicatorRecord[],
  catalog: DistrictCatalog,
): IndicatorAvailability[] {
  const index = indexDistrict(catalog);
  return indicators.map(indicator => assessIndicatorIn(indicator, index));
}

function noCounts(): StatusCounts {
  return { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
}

function countsFor<K extends string>(
  keys: readonly K[],
): Record<K, StatusCounts> {
  return Object.fromEntries(keys.map(key => [key, noCounts()])) as Record<
    K,
    StatusCounts
  >;
}

/**
 * Counts a district's results by status, in total and per stage and
 * construct, with a zero for every status, stage and construct not seen.
 */
export function summarizeGaps(
  results: ReadonlyArray<
    Pick<IndicatorAvailability, 'status' | 'stage' | 'construct'>
  >,
): GapSummary {
  const summary: GapSummary = {
    total: noCounts(),
    byStage: countsFor(INDICATOR_STAGES),
    byConstruct: countsFor(INDICATOR_CONSTRUCTS),
  };

  // Results read back from a database may carry a stage or construct the
  // vocabulary has since dropped; they count in the total only.
  for (const result of results) {
    summary.total[result.status] += 1;
    const stage = summary.byStage[result.stage];
    if (stage) {
      stage[result.status] += 1;
    }
    const construct = summary.byConstruct[result.construct];
    if (construct) {
      construct[result.status] += 1;
    }
  }
  return summary;
}
