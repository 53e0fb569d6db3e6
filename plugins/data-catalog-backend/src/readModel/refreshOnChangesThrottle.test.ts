import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { DATA_CATALOG_CHANGES_TOPIC } from '@internal/plugin-data-catalog-common';
import { REFRESH_TASK_ID } from './ReadModelRefresher';
import { refreshOnCatalogChanges } from './refreshOnChanges';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function setUp(
  triggerTask: jest.Mock,
  minIntervalMs: number | (() => number) = 50,
) {
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger });
  const scheduler = { ...mockServices.scheduler.mock(), triggerTask };
  await refreshOnCatalogChanges({
    events,
    scheduler,
    logger,
    minIntervalMs,
  });
  const announce = () =>
    events.publish({
      topic: DATA_CATALOG_CHANGES_TOPIC,
      eventPayload: { count: 1, refs: ['datasource:default/alder-creek-sis'] },
    });
  return { announce, logger };
}

describe('refreshOnCatalogChanges', () => {
  it('starts one refresh for a burst of announcements', async () => {
    const triggerTask = jest.fn().mockResolvedValue(undefined);
    const { announce } = await setUp(triggerTask);

    await Promise.all([announce(), announce(), announce()]);
    await sleep(20);
    await announce();
    await sleep(150);

    expect(triggerTask.mock.calls).toEqual([
      [REFRESH_TASK_ID],
      [REFRESH_TASK_ID],
    ]);
  });

  it('asks again when a refresh was already running', async () => {
    const triggerTask = jest
      .fn()
      .mockRejectedValueOnce(new ConflictError('running'))
      .mockResolvedValue(undefined);
    const { announce, logger } = await setUp(triggerTask);

    await announce();
    await sleep(150);

    expect(triggerTask).toHaveBeenCalledTimes(2);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('warns when the refresh cannot be started, and goes on listening', async () => {
    const triggerTask = jest
      .fn()
      .mockRejectedValueOnce(new Error('database is down'))
      .mockResolvedValue(undefined);
    const { announce, logger } = await setUp(triggerTask);

    await announce();
    await sleep(30);
    await announce();
    await sleep(150);

    expect(logger.warn).toHaveBeenCalledWith(
      'Could not start a read model refresh after a catalog change',
      expect.objectContaining({ message: 'database is down' }),
    );
    expect(triggerTask).toHaveBeenCalledTimes(2);
  });

  it('reads the interval again before each refresh', async () => {
    const triggerTask = jest.fn().mockResolvedValue(undefined);
    let interval = 0;
    const { announce } = await setUp(triggerTask, () => interval);

    await announce();
    await sleep(20);
    // The last refresh was slow: the next waits longer.
    interval = 200;
    await announce();
    await sleep(100);
    expect(triggerTask).toHaveBeenCalledTimes(1);

    await sleep(200);
    expect(triggerTask).toHaveBeenCalledTimes(2);
  });
});
