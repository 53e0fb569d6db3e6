import { LoggerService } from '@backstage/backend-plugin-api';
import {
  GapSnapshot,
  SnapshotCause,
  SnapshotStore,
  StatusChange,
} from '../database/SnapshotStore';
import { GapService } from '../gaps/GapService';

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
        : this.gaps.everyDistrictStatuses(),
    ]);

    const snapshots: GapSnapshot[] = [];
    const changes: StatusChange[] = [];
    for (const entry of current) {
      const statuses =
        'results' in entry
          ? Object.fromEntries(entry.results.map(r => [r.indicator, r.status]))
          : entry.statuses;
      // With no indicators yet (a catalog still loading its first files)
      // there is nothing to measure, and a row of zeros would read as a
      // district that lost everything.
      if (Object.keys(statuses).length === 0) {
        continue;
      }
      const previous = latest.get(entry.district.ref);
      const changed = Object.keys(statuses).filter(
        indicator => previous?.statuses[indicator] !== statuses[indicator],
      );
      const stale =
        !previous || takenAt.getTime() - Date.parse(previous.takenAt) >= DAY_MS;
      if (changed.length === 0 && !stale) {
        continue;
      }

      snapshots.push({
        district: entry.district.ref,
        takenAt: takenAt.toISOString(),
        cause,
        summary: entry.summary,
        statuses,
      });
      if (changed.length === 0) {
        continue;
      }
      // Only the statuses are kept for every district; the reasons of a
      // change come from the district's full answer.
      const { results } =
        'results' in entry
          ? entry
          : await this.gaps.districtGaps(entry.district.ref);
      const changedSet = new Set(changed);
      changes.push(
        ...results
          .filter(r => changedSet.has(r.indicator))
          .map(r => ({
            district: entry.district.ref,
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
