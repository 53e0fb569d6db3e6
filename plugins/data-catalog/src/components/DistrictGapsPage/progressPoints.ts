import {
  INDICATOR_STAGES,
  IndicatorStage,
  StatusCounts,
} from '@internal/plugin-data-catalog-common';
import { ProgressPoint } from '../../api';
import { STATUS_LABELS } from '../StatusChip';

/** The statuses the chart draws, in the legend's order. */
export const SERIES = ['available', 'partial', 'missing'] as const;
export type Series = (typeof SERIES)[number];

/** One point of the chart: when, why, and the counts. */
export interface ChartPoint {
  at: Date;
  cause: ProgressPoint['cause'];
  counts: Record<Series, number>;
}

/**
 * The chart's points for a stage, or for every stage summed when none is
 * given, oldest first.
 */
export function chartPoints(
  series: ProgressPoint[],
  stage?: IndicatorStage,
): ChartPoint[] {
  const stages = stage ? [stage] : INDICATOR_STAGES;
  return series
    .map(point => {
      const counts = { available: 0, partial: 0, missing: 0 };
      for (const s of stages) {
        const byStatus: StatusCounts | undefined = point.summary.byStage[s];
        for (const status of SERIES) {
          counts[status] += byStatus?.[status] ?? 0;
        }
      }
      return { at: new Date(point.takenAt), cause: point.cause, counts };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A day as the axis and the table show it: `Mar 3, 2025`. */
export const day = (date: Date) =>
  date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });

/** One day, in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment, for points too close together to tell apart by day. */
export const moment = (date: Date) =>
  date.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });

/** The chart in one sentence, for screen readers. */
export function describeProgress(points: ChartPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  const moves = SERIES.map(
    s =>
      `${STATUS_LABELS[s].toLocaleLowerCase('en-US')} ${
        first.counts[s] === last.counts[s]
          ? `stayed at ${last.counts[s]}`
          : `went from ${first.counts[s]} to ${last.counts[s]}`
      }`,
  );
  return `Indicators by status from ${day(first.at)} to ${day(
    last.at,
  )}: ${moves.join(', ')}.`;
}
