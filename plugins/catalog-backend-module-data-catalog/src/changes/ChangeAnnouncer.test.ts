import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  DATA_CATALOG_CHANGES_TOPIC,
  DataCatalogChangesEvent,
} from '@internal/plugin-data-catalog-common';
import {
  dataSource,
  group,
} from '@internal/plugin-data-catalog-common/testUtils';
import { ChangeAnnouncer } from './ChangeAnnouncer';

/** The events service, recording what is published. */
function recordingEvents() {
  const published: EventParams[] = [];
  const events: EventsService = {
    async publish(params) {
      published.push(params);
    },
    async subscribe() {},
  };
  return { events, published };
}

const payloads = (published: EventParams[]) =>
  published.map(p => p.eventPayload as DataCatalogChangesEvent);

describe('ChangeAnnouncer', () => {
  it('announces a new or changed entity once, not each time it is processed', async () => {
    const { events, published } = recordingEvents();
    const announcer = new ChangeAnnouncer({
      events,
      logger: mockServices.logger.mock(),
    });
    const sis = dataSource('alder-creek-sis');

    await announcer.postProcessEntity(sis);
    await announcer.flush();
    await announcer.postProcessEntity(sis);
    await announcer.flush();
    await announcer.postProcessEntity({
      ...sis,
      spec: { ...sis.spec, lifecycle: 'deprecated' },
    });
    await announcer.flush();

    expect(published.map(p => p.topic)).toEqual([
      DATA_CATALOG_CHANGES_TOPIC,
      DATA_CATALOG_CHANGES_TOPIC,
    ]);
    expect(payloads(published)).toEqual([
      { count: 1, refs: ['datasource:default/alder-creek-sis'] },
      { count: 1, refs: ['datasource:default/alder-creek-sis'] },
    ]);
  });

  it('announces many changes in one event, naming some of them', async () => {
    const { events, published } = recordingEvents();
    const announcer = new ChangeAnnouncer({
      events,
      logger: mockServices.logger.mock(),
      intervalMs: 60_000,
    });

    for (let i = 0; i < 50; i++) {
      await announcer.postProcessEntity(dataSource(`source-${i}`));
    }
    await announcer.flush();

    expect(published).toHaveLength(1);
    expect(payloads(published)[0].count).toBe(50);
    expect(payloads(published)[0].refs).toHaveLength(20);
  });

  it('publishes by itself once the interval has passed', async () => {
    const { events, published } = recordingEvents();
    const announcer = new ChangeAnnouncer({
      events,
      logger: mockServices.logger.mock(),
      intervalMs: 10,
    });

    await announcer.postProcessEntity(dataSource('alder-creek-sis'));
    expect(published).toHaveLength(0);
    await new Promise(resolve => setTimeout(resolve, 100));

    expect(published).toHaveLength(1);
  });

  it('leaves out entities the data catalog does not read', async () => {
    const { events, published } = recordingEvents();
    const announcer = new ChangeAnnouncer({
      events,
      logger: mockServices.logger.mock(),
    });
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'portal' },
      spec: { type: 'website', owner: 'group:alder-creek-it' },
    };

    await announcer.postProcessEntity(component);
    await announcer.postProcessEntity(group('alder-creek-it', 'team'));
    await announcer.flush();
    expect(published).toEqual([]);

    await announcer.postProcessEntity(group('alder-creek', 'district'));
    await announcer.flush();
    expect(payloads(published)).toEqual([
      { count: 1, refs: ['group:default/alder-creek'] },
    ]);
  });

  it('warns and goes on when the events service fails', async () => {
    const logger = mockServices.logger.mock();
    const announcer = new ChangeAnnouncer({
      events: {
        publish: jest.fn().mockRejectedValue(new Error('bus is down')),
        subscribe: jest.fn(),
      },
      logger,
    });
    const sis = dataSource('alder-creek-sis');

    await expect(announcer.postProcessEntity(sis)).resolves.toBe(sis);
    await announcer.flush();

    expect(logger.warn).toHaveBeenCalledWith(
      'Could not announce 1 changed entities',
      expect.objectContaining({ message: 'bus is down' }),
    );
  });
});
