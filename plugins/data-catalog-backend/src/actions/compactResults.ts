import type { z } from 'zod/v3';
import {
  IndicatorAvailability,
  IndicatorStatus,
  StatusCounts,
} from '@internal/plugin-data-catalog-common';

/** The statuses an indicator can have in a district, for input schemas. */
export const INDICATOR_STATUSES = [
  'available',
  'partial',
  'missing',
  'not-applicable',
] as const satisfies readonly IndicatorStatus[];

/** One element that keeps a district from computing an indicator. */
export interface ElementGap {
  element: string;
  role: 'required' | 'subgroup';
  status: 'partial' | 'missing';
  /** What is wrong, beginning with the element's title. */
  reason: string;
  /** The source the status is taken from, when one provides the element. */
  source?: string;
}

/**
 * One indicator in one district, without the judged provisions of every
 * element: a district's full answer runs to megabytes at state scale,
 * mostly the same provisions repeated for each indicator, too much for an
 * assistant's context. What is kept says what is missing and why, once:
 * an indicator with gaps has no `reasons`, which only repeat the gaps'.
 */
export interface CompactResult {
  status: IndicatorStatus;
  /** Why, for an indicator without gaps: available or not applicable. */
  reasons?: string[];
  /** For a partial or missing indicator, each element not available. */
  gaps?: ElementGap[];
}

/**
 * Keeps of a result its status and its unavailable elements.
 *
 * TODO(actions-size): at state scale (200 indicators) a district's whole
 * answer is still 110-170 kB, mostly the same elements' reasons repeated
 * across the indicators that need them. Listing each unavailable element
 * once, with the indicators it holds back, would cut that further; an
 * element can be judged differently for different indicators (their
 * grades, whether sources must be joined), so each distinct judgment
 * would need its own entry.
 */
export function compactResult(result: IndicatorAvailability): CompactResult {
  const gaps = result.elements
    .filter(e => e.status !== 'available')
    .map(e => ({
      element: e.element,
      role: e.role,
      status: e.status as ElementGap['status'],
      reason: e.reason,
      ...(e.chosen ? { source: e.chosen } : {}),
    }));
  return gaps.length > 0
    ? { status: result.status, gaps }
    : { status: result.status, reasons: result.reasons };
}

/** Counts a list of results by status. */
export function countStatuses(
  results: Array<{ status: IndicatorStatus }>,
): StatusCounts {
  const counts: StatusCounts = {
    available: 0,
    partial: 0,
    missing: 0,
    'not-applicable': 0,
  };
  for (const { status } of results) {
    counts[status] += 1;
  }
  return counts;
}

/** Output schema of {@link countStatuses}. */
export function statusCountsSchema(zod: typeof z) {
  return zod.object({
    available: zod.number().int(),
    partial: zod.number().int(),
    missing: zod.number().int(),
    'not-applicable': zod.number().int(),
  });
}

/** Output schema of a district's `GapSummary`. */
export function gapSummarySchema(zod: typeof z) {
  const counts = statusCountsSchema(zod);
  return zod.object({
    total: counts,
    byStage: zod.record(counts),
    byConstruct: zod.record(counts),
  });
}

/** Output schema of a {@link CompactResult}, with the given fields first. */
export function compactResultFields(zod: typeof z) {
  return {
    status: zod.enum(INDICATOR_STATUSES),
    reasons: zod
      .array(zod.string())
      .optional()
      .describe(
        'Why, for an indicator that is available or not applicable; the gaps say why for the others',
      ),
    gaps: zod
      .array(
        zod.object({
          element: zod.string().describe('The data element, by reference'),
          role: zod
            .enum(['required', 'subgroup'])
            .describe(
              'Needed to compute the indicator, or to break it down by a subgroup',
            ),
          status: zod.enum(['partial', 'missing']),
          reason: zod
            .string()
            .describe('What is wrong, in one sentence naming the element'),
          source: zod
            .string()
            .optional()
            .describe('The data source judged, when one provides the element'),
        }),
      )
      .optional()
      .describe(
        'For a partial or missing indicator: each element that is not available',
      ),
  };
}
