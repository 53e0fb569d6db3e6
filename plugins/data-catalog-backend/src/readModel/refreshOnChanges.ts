import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import {
  DATA_CATALOG_CHANGES_TOPIC,
  DataCatalogChangesEvent,
} from '@internal/plugin-data-catalog-common';
import { REFRESH_TASK_ID } from './ReadModelRefresher';

/** Refreshes started by events, at most one per this many milliseconds. */
const DEFAULT_MIN_INTERVAL_MS = 5000;

/**
 * Runs the read model's refresh soon after the catalog module announces
 * a change, instead of waiting for its schedule. The scheduler runs the
 * triggered task on one replica; a burst of announcements (a catalog
 * reading thousands of entities at start) starts at most one refresh
 * per `minIntervalMs`.
 */
export async function refreshOnCatalogChanges(options: {
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** A number, or a function read before each refresh it starts. */
  minIntervalMs?: number | (() => number);
}): Promise<void> {
  const { events, scheduler, logger } = options;
  const interval = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  const minInterval = () =>
    typeof interval === 'function' ? interval() : interval;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastTriggered = 0;

  const later = (delayMs: number) => {
    if (!timer) {
      timer = setTimeout(trigger, Math.max(0, delayMs));
      timer.unref?.();
    }
  };

  async function trigger() {
    timer = undefined;
    try {
      await scheduler.triggerTask(REFRESH_TASK_ID);
      lastTriggered = Date.now();
    } catch (error) {
      // A refresh under way may have read the catalog before the change:
      // ask again once it has had time to end.
      if (toError(error).name === 'ConflictError') {
        later(minInterval());
      } else {
        logger.warn(
          'Could not start a read model refresh after a catalog change',
          toError(error),
        );
      }
    }
  }

  await events.subscribe({
    id: 'data-catalog-read-model',
    topics: [DATA_CATALOG_CHANGES_TOPIC],
    async onEvent({ eventPayload }) {
      const { count, refs } = eventPayload as DataCatalogChangesEvent;
      logger.debug(
        `Catalog changed (${count} entities, ${refs?.slice(0, 3).join(', ')})`,
      );
      later(lastTriggered + minInterval() - Date.now());
    },
  });
}
