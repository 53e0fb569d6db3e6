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
  title: string;
  role: 'required' | 'subgroup';
  status: 'partial' | 'missing';
  reason: string;
  /** The source the status is taken from, when one provides the element. */
  source?: string;
}

/**
 * One indicator in one district, without the judged provisions of every
 * element: a district's full answer runs to megabytes at state scale,
 * mostly the same provisions repeated for each indicator, too much for an
 * assistant's context. What is kept says what is missing and why.
 */
export interface CompactResult {
  status: IndicatorStatus;
  reasons: string[];
  /** For a partial or missing indicator, each element not available. */
  gaps?: ElementGap[];
}

/** Keeps of a result its status, reasons and unavailable elements. */
export function compactResult(result: IndicatorAvailability): CompactResult {
  const gaps = result.elements
    .filter(e => e.status !== 'available')
    .map(e => ({
      element: e.element,
      title: e.elementTitle,
      role: e.role,
      status: e.status as ElementGap['status'],
      reason: e.reason,
      ...(e.chosen ? { source: e.chosen } : {}),
    }));
  return {
    status: result.status,
    reasons: result.reasons,
    ...(gaps.length > 0 ? { gaps } : {}),
  };
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
      .describe('Why the indicator has this status, most important first'),
    gaps: zod
      .array(
        zod.object({
          element: zod.string().describe('The data element, by reference'),
          title: zod.string(),
          role: zod
            .enum(['required', 'subgroup'])
            .describe(
              'Needed to compute the indicator, or to break it down by a subgroup',
            ),
          status: zod.enum(['partial', 'missing']),
          reason: zod.string().describe('What is wrong, in one sentence'),
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
