import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ActionItem } from '@internal/plugin-data-catalog-common';
import { ReadModelChange } from '../readModel/ReadModelRefresher';
import { composeNotice } from './composeNotice';
import { detectChanges } from './detectChanges';
import { findDownstream } from './findDownstream';
import { ImpactNoticeStore, PendingNotice } from './ImpactNoticeStore';

/** Notices sent in one delivery at most; the rest wait for the next. */
const BATCH = 100;

/** How long a replica holds a notice it is sending. */
const CLAIM_MS = 5 * 60_000;

const OPEN: ReadonlySet<ActionItem['status']> = new Set([
  'planned',
  'in-progress',
]);

/**
 * Tells the owners downstream of a data source when it is deprecated or
 * retired, changes vendor or stops providing an element: the owning groups
 * of the indicators that need its elements, and the owners of open action
 * items on those indicators or elements. Each change is recorded before it
 * is sent and sent once; what could not be sent is sent on a later
 * delivery. Nothing here fails a refresh.
 */
export class ImpactNotifier {
  constructor(
    private readonly options: {
      store: ImpactNoticeStore;
      actions: { listActionItems(district: string): Promise<ActionItem[]> };
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Records a notice for each change a refresh brings; called before the
   * new model replaces the old. Never throws.
   */
  async recordChanges(change: ReadModelChange): Promise<void> {
    const { store, logger } = this.options;
    // The first refresh fills an empty model: nothing was there to change.
    if (!change.previous || !change.previousVersion) {
      return;
    }

    try {
      const now = new Date();
      for (const sourceChange of detectChanges(change.previous, change.next)) {
        const { districts, indicators } = findDownstream(
          sourceChange,
          change.next,
        );
        const actions = await this.openActionsOn(districts, indicators);
        const notice = composeNotice({
          change: sourceChange,
          indicators,
          actions,
          model: change.next,
          version: change.previousVersion,
        });

        if (notice.recipients.length === 0) {
          logger.debug(`Nothing downstream of: ${notice.payload.title}`);
          continue;
        }
        await store.record(notice, now);
      }
    } catch (error) {
      // Not thrown, so that the model is still replaced. If the database
      // is down the replace fails too, and the next refresh sees the
      // change again.
      // TODO(impact-lost-changes): a notice that fails to be recorded
      // while the replace then succeeds is lost, since the next refresh
      // finds the model up to date. Recording in the replace's transaction
      // would close this gap.
      logger.warn(
        'Could not record the impact of a catalog change',
        toError(error),
      );
    }
  }

  /** Sends every recorded notice not sent yet. */
  async deliverPending(): Promise<void> {
    const { store, notifications, logger } = this.options;

    let pending: PendingNotice[];
    try {
      pending = await store.listPending(BATCH);
    } catch (error) {
      logger.warn('Could not read the impact notices to send', toError(error));
      return;
    }

    for (const notice of pending) {
      const now = new Date();
      try {
        if (!(await store.claim(notice.key, now, new Date(+now + CLAIM_MS)))) {
          continue;
        }
        await notifications.send({
          recipients: { type: 'entity', entityRef: notice.recipients },
          payload: notice.payload,
        });
        await store.markSent(notice.key, new Date());
        logger.info(
          `Sent impact notice to ${notice.recipients.length} owners: ${notice.payload.title}`,
        );
      } catch (error) {
        await store.markFailed(notice.key, toError(error)).catch(() => {});
        // The notifications backend is likely down: the rest waits too.
        logger.warn(
          `Could not send the impact notice "${notice.payload.title}"; it will be sent on a later refresh`,
          toError(error),
        );
        return;
      }
    }
  }

  /**
   * Planned and in-progress action items, in the districts reached, on an
   * indicator reached there or on an element of the change.
   */
  private async openActionsOn(
    districts: Map<string, Set<string>>,
    indicators: Array<{ indicator: { ref: string }; district: string }>,
  ): Promise<ActionItem[]> {
    const found: ActionItem[] = [];
    for (const [district, elements] of districts) {
      const affected = new Set(
        indicators
          .filter(i => i.district === district)
          .map(i => i.indicator.ref),
      );
      for (const item of await this.options.actions.listActionItems(district)) {
        // The model's refs are lower case; an item's are as they were sent.
        const indicator = item.indicator.toLocaleLowerCase('en-US');
        const element = item.element?.toLocaleLowerCase('en-US');
        if (
          OPEN.has(item.status) &&
          (affected.has(indicator) ||
            (element !== undefined && elements.has(element)))
        ) {
          found.push(item);
        }
      }
    }
    return found;
  }
}
