import { LoggerService } from '@backstage/backend-plugin-api';
import { IndicatorStatus } from '@internal/plugin-data-catalog-common';
import {
  GapSnapshot,
  SnapshotCause,
  SnapshotStore,
  StatusChange,
} from '../database/SnapshotStore';
import { DistrictGaps, GapService } from '../gaps/GapService';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records how each district's gaps change over time. A district gets a new
 * snapshot when any indicator's status changed since its last one, or when
 * its last one is a day old, so the series has a point at least daily and
 * no more than that when nothing happens.
 */
export class ProgressService {
  /** The run in progress, which the next one waits for. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly gaps: GapService,
    private readonly store: SnapshotStore,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Takes the snapshots that are due, for some districts or for all.
   * Returns how many were taken.
   */
  takeSnapshots(cause: SnapshotCause, districts?: string[]): Promise<number> {
    // One run at a time: two runs that both read the latest snapshots before
    // either writes would both record the same change of status.
    const run = this.queue.then(() => this.take(cause, districts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async take(
    cause: SnapshotCause,
    districts?: string[],
  ): Promise<number> {
    const takenAt = this.now();
    const [latest, current] = await Promise.all([
      this.store.latest(),
      districts
        ? Promise.all(districts.map(d => this.gaps.districtGaps(d)))
        : this.gaps.allDistrictGaps(),
    ]);

    const snapshots: GapSnapshot[] = [];
    const changes: StatusChange[] = [];
    for (const gaps of current) {
      // With no indicators yet (a catalog still loading its first files)
      // there is nothing to measure, and a row of zeros would read as a
      // district that lost everything.
      if (gaps.results.length === 0) {
        continue;
      }
      const previous = latest.get(gaps.district.ref);
      const changed = changedResults(gaps, previous);
      const stale =
        !previous || takenAt.getTime() - Date.parse(previous.takenAt) >= DAY_MS;
      if (changed.length === 0 && !stale) {
        continue;
      }

      snapshots.push({
        district: gaps.district.ref,
        takenAt: takenAt.toISOString(),
        cause,
        summary: gaps.summary,
        statuses: Object.fromEntries(
          gaps.results.map(r => [r.indicator, r.status]),
        ),
      });
      changes.push(
        ...changed.map(r => ({
          district: gaps.district.ref,
          indicator: r.indicator,
          from: previous?.statuses[r.indicator],
          to: r.status,
          reasons: r.reasons,
          cause,
          changedAt: takenAt.toISOString(),
        })),
      );
    }

    if (snapshots.length > 0) {
      await this.store.add(snapshots, changes);
      this.logger.info(
        `Took ${snapshots.length} gap snapshots (${cause}), ${changes.length} status changes`,
      );
    }
    return snapshots.length;
  }
}

function changedResults(
  gaps: DistrictGaps,
  previous: { statuses: Record<string, IndicatorStatus> } | undefined,
) {
  return gaps.results.filter(r => previous?.statuses[r.indicator] !== r.status);
}
