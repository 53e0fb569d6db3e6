import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { toError } from '@backstage/errors';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  DATA_CATALOG_CHANGES_TOPIC,
  DATA_CATALOG_KINDS,
  DataCatalogChangesEvent,
} from '@internal/plugin-data-catalog-common';
import { createHash } from 'node:crypto';

/** Refs named in one event, for the logs; the count says how many in all. */
const REFS_PER_EVENT = 20;

/** Whether the data catalog's read model reads this entity. */
function isRead(entity: Entity): boolean {
  if ((DATA_CATALOG_KINDS as readonly string[]).includes(entity.kind)) {
    return true;
  }
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return entity.kind === 'Group' && (type === 'district' || type === 'boces');
}

/**
 * Announces changes of the entities the data catalog reads. The catalog
 * processes every entity again and again; this processor remembers what
 * each looked like and, when one is new or different, publishes an event,
 * at most one per `intervalMs` for any number of changes.
 *
 * What it remembers is this replica's: after a restart everything is new
 * once, which costs one early refresh, not a wrong answer.
 */
export class ChangeAnnouncer implements CatalogProcessor {
  private readonly seen = new Map<string, string>();
  private readonly pending = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly options: {
      events: EventsService;
      logger: LoggerService;
      intervalMs?: number;
    },
  ) {}

  getProcessorName(): string {
    return 'DataCatalogChangeAnnouncer';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    if (isRead(entity)) {
      const ref = stringifyEntityRef(entity);
      const digest = createHash('sha256')
        .update(JSON.stringify(entity))
        .digest('hex');
      if (this.seen.get(ref) !== digest) {
        this.seen.set(ref, digest);
        this.announce(ref);
      }
    }
    return entity;
  }

  /** Publishes what is pending now; for shutting down and for tests. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) {
      return;
    }
    const refs = [...this.pending];
    this.pending.clear();
    const eventPayload: DataCatalogChangesEvent = {
      count: refs.length,
      refs: refs.slice(0, REFS_PER_EVENT),
    };
    try {
      await this.options.events.publish({
        topic: DATA_CATALOG_CHANGES_TOPIC,
        eventPayload,
      });
    } catch (error) {
      // The data catalog still refreshes on its schedule; this only
      // makes it sooner.
      this.options.logger.warn(
        `Could not announce ${refs.length} changed entities`,
        toError(error),
      );
    }
  }

  /**
   * Announces a change of `ref` that processing it did not show, such as
   * a relation another processor emits from what it learned elsewhere.
   */
  announce(ref: string): void {
    this.pending.add(ref);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.flush();
      }, this.options.intervalMs ?? 2000);
      // A pending announcement must not keep the process alive.
      this.timer.unref?.();
    }
  }
}
