import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  dataElement,
  dataSource,
  group,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import { RecordingNotifications } from '../__testUtils__/recordingNotifications';
import { applyDatabaseMigrations } from '../database/migrations';
import { OwnersStore } from '../database/OwnersStore';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { ReadModelRefresher } from '../readModel/ReadModelRefresher';
import { ImpactNoticeStore } from './ImpactNoticeStore';
import { ImpactNotifier } from './ImpactNotifier';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const BIRCH = 'group:default/birch-harbor';
const CHRONIC = 'indicator:default/chronic-absenteeism';
const ELA = 'indicator:default/ela-growth';
const ATTENDANCE = 'dataelement:default/daily-attendance';

const TITLES: Record<string, string> = {
  'alder-creek': 'Alder Creek CSD',
  'birch-harbor': 'Birch Harbor CSD',
  'alder-creek-sis': 'Alder Creek SIS',
  'chronic-absenteeism': 'Chronic absenteeism',
  'ela-growth': 'ELA growth',
  'daily-attendance': 'Daily attendance',
};

/**
 * Alder Creek's SIS provides attendance and disability status, which
 * chronic absenteeism needs; ELA growth needs a score from Alder Creek's
 * tests. Birch Harbor has its own SIS.
 */
function catalog(): Entity[] {
  return [
    ...referencedEntities(),
    group('birch-harbor', 'district', 'northlake-boces'),
    group('attendance-office', 'team', 'northlake-boces'),
    group('assessment-office', 'team', 'northlake-boces'),
    dataElement('ela-scale-score', { domain: 'assessment' }),
    dataSource('alder-creek-sis', { vendor: 'PowerSchool' }),
    dataSource('alder-creek-tests', {
      type: 'assessment',
      category: 'assessment',
      provides: [{ element: 'ela-scale-score', field: 'SS' }],
    }),
    dataSource('birch-harbor-sis', { district: 'group:birch-harbor' }),
    indicator('chronic-absenteeism', { owner: 'group:attendance-office' }),
    indicator('ela-growth', {
      owner: 'group:assessment-office',
      requires: ['dataelement:ela-scale-score'],
      disaggregateBy: [],
    }),
  ].map(entity => {
    const title = TITLES[entity.metadata.name];
    return title
      ? { ...entity, metadata: { ...entity.metadata, title } }
      : entity;
  });
}

/** The entities with the named one's spec changed as given. */
function changed(from: Entity[], name: string, spec: object): Entity[] {
  return from.map(entity =>
    entity.metadata.name === name
      ? { ...entity, spec: { ...entity.spec, ...spec } }
      : entity,
  );
}

/** The demo catalog with Alder Creek's SIS changed as given. */
const withSis = (spec: object) => changed(catalog(), 'alder-creek-sis', spec);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'impact notices on %p',
  databaseId => {
    let knex: Knex;
    let owners: OwnersStore;
    /** What the catalog serves now; every replica reads the same. */
    let entities: Entity[];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      owners = new OwnersStore(knex);
    });

    afterAll(async () => {
      await knex.destroy();
    });

    beforeEach(async () => {
      for (const table of [
        'dc_requirements',
        'dc_indicators',
        'dc_elements',
        'dc_feeds',
        'dc_provisions',
        'dc_sources',
        'dc_districts',
        'dc_state',
        'dc_action_items',
        'dc_history',
        'dc_impact_notices',
      ]) {
        await knex(table).delete();
      }
      entities = catalog();
    });

    /**
     * The read model's store, whose next `failures` replaces fail after
     * the transaction would have begun, as when the database drops out.
     */
    class FlakyReadModelStore extends DatabaseReadModelStore {
      failures = 0;

      async replace(
        ...args: Parameters<DatabaseReadModelStore['replace']>
      ): Promise<void> {
        if (this.failures > 0) {
          this.failures -= 1;
          throw new Error('Connection terminated unexpectedly');
        }
        await super.replace(...args);
      }
    }

    /** One backend replica: its refresher, notifier and notifications. */
    function replica() {
      const notifications = new RecordingNotifications();
      const logger = mockServices.logger.mock();
      const store = new FlakyReadModelStore(knex);
      const refresher = new ReadModelRefresher({
        catalog: catalogServiceMock.mock({
          queryEntities: async () => ({
            items: entities,
            totalItems: entities.length,
            pageInfo: {},
          }),
        }),
        auth: mockServices.auth(),
        store,
        logger,
      });
      const notifier = new ImpactNotifier({
        store: new ImpactNoticeStore(knex),
        actions: owners,
        notifications,
        logger,
      });
      refresher.beforeReplace(change => notifier.recordChanges(change));
      refresher.afterEachRefresh(() => notifier.deliverPending());
      return { refresher, notifier, notifications, logger, store };
    }

    async function actionItem(
      fields: Partial<Parameters<OwnersStore['createActionItem']>[0]>,
    ) {
      return owners.createActionItem(
        {
          district: ALDER,
          indicator: CHRONIC,
          step: 'Record half-day absences',
          owner: 'user:default/ada-quill',
          dueDate: '2027-03-01',
          ...fields,
        },
        'user:default/ada-quill',
      );
    }

    it('tells the indicator owners when a source is retired', async () => {
      const { refresher, notifications } = replica();
      await refresher.refresh();

      entities = withSis({ lifecycle: 'retired' });
      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(notifications.sent).toHaveLength(1);
      const [{ recipients, payload }] = notifications.sent;
      expect(recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/attendance-office'],
      });
      expect(payload).toEqual({
        title: 'Alder Creek SIS is now retired',
        description:
          'Alder Creek SIS (Alder Creek CSD) moved from production to retired. A retired source no longer counts toward any indicator. Indicators affected: Chronic absenteeism in Alder Creek CSD.',
        link: '/catalog/default/datasource/alder-creek-sis',
        severity: 'high',
        topic: 'data-source-impact',
        scope: expect.stringMatching(/^data-catalog:impact:[0-9a-f]{64}$/),
      });
    });

    it.each([
      [
        'deprecated',
        { lifecycle: 'deprecated' },
        'Alder Creek SIS is now deprecated',
        'moved from production to deprecated',
        'normal',
      ],
      [
        'given a new vendor',
        { vendor: 'Infinite Campus' },
        'Alder Creek SIS changed vendor to Infinite Campus',
        'changed vendor from PowerSchool to Infinite Campus',
        'normal',
      ],
      [
        'no longer providing an element',
        {
          provides: [{ element: 'disability-status', field: 'IEP_FLAG' }],
        },
        'Alder Creek SIS no longer provides Daily attendance',
        'no longer provides Daily attendance',
        'high',
      ],
    ])(
      'tells them when a source is %s',
      async (_, sis, title, what, severity) => {
        const { refresher, notifications } = replica();
        await refresher.refresh();

        entities = withSis(sis);
        await refresher.refresh();

        expect(notifications.sent.map(n => n.payload)).toEqual([
          expect.objectContaining({
            title,
            description: expect.stringContaining(
              `Alder Creek SIS (Alder Creek CSD) ${what}.`,
            ),
            severity,
          }),
        ]);
        expect(notifications.sent[0].payload.description).toContain(
          'Chronic absenteeism in Alder Creek CSD',
        );
      },
    );

    it('says nothing on the first refresh', async () => {
      const { refresher, notifications } = replica();
      entities = withSis({ lifecycle: 'retired' });

      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(notifications.sent).toEqual([]);
      expect(await knex('dc_impact_notices')).toEqual([]);
    });

    it('says nothing of a change no indicator or action item depends on', async () => {
      const { refresher, notifications } = replica();
      const withoutEla = catalog().filter(
        e => e.metadata.name !== 'ela-growth',
      );
      entities = withoutEla;
      await refresher.refresh();

      // Without ELA growth, no indicator needs what the tests provide.
      entities = changed(withoutEla, 'alder-creek-tests', {
        lifecycle: 'retired',
      });
      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(notifications.sent).toEqual([]);
      expect(await knex('dc_impact_notices')).toEqual([]);
    });

    it('tells the owners of open action items on the indicators or elements reached, and names the items', async () => {
      const { refresher, notifications } = replica();
      await refresher.refresh();
      await actionItem({ owner: 'user:default/ada-quill' });
      await owners.updateActionItem(
        (
          await actionItem({
            indicator: ELA,
            // As a user may have typed it.
            element: ATTENDANCE.replace('daily', 'Daily'),
            step: 'Link attendance to test records',
            owner: 'group:default/alder-creek-it',
          })
        ).id,
        { version: 1, status: 'in-progress' },
        'user:default/ada-quill',
      );
      // Closed items, items in another district, items on what the change
      // does not reach, and owners that are no entity, are left out.
      await actionItem({ owner: 'user:default/done-owner', status: 'done' });
      await actionItem({
        owner: 'user:default/dropped-owner',
        status: 'dropped',
      });
      await actionItem({ district: BIRCH, owner: 'user:default/birch-owner' });
      await actionItem({ indicator: ELA, owner: 'user:default/ela-owner' });
      await actionItem({
        step: 'Ask the clerk about half days',
        owner: 'the attendance clerk',
      });

      entities = withSis({ lifecycle: 'retired' });
      await refresher.refresh();

      expect(notifications.sent).toHaveLength(1);
      const [{ recipients, payload }] = notifications.sent;
      expect(recipients).toEqual({
        type: 'entity',
        entityRef: [
          'group:default/alder-creek-it',
          'group:default/attendance-office',
          'user:default/ada-quill',
        ],
      });
      expect(payload.description).toContain(
        'Open action items affected: "Record half-day absences" in Alder Creek CSD, "Link attendance to test records" in Alder Creek CSD and "Ask the clerk about half days" in Alder Creek CSD.',
      );
    });

    it('sends a change once across refreshes, restarts and replicas', async () => {
      const first = replica();
      const second = replica();
      await first.refresher.refresh();

      entities = withSis({ lifecycle: 'retired' });
      await first.refresher.refresh();
      // The next refreshes, here and on the other replica, find the model
      // up to date; a restarted replica has nothing left to send.
      await first.refresher.refresh();
      await second.refresher.refresh();
      await replica().notifier.deliverPending();

      expect(first.notifications.sent).toHaveLength(1);
      expect(second.notifications.sent).toEqual([]);
      expect(await knex('dc_impact_notices').select('source_ref')).toEqual([
        { source_ref: 'datasource:default/alder-creek-sis' },
      ]);
    });

    it('sends once when two replicas see the same change and deliver at the same time', async () => {
      const first = replica();
      const second = replica();
      const seen: Parameters<ImpactNotifier['recordChanges']>[0][] = [];
      first.refresher.beforeReplace(async change => {
        seen.push(change);
      });
      await first.refresher.refresh();
      entities = withSis({ vendor: 'Infinite Campus' });
      first.notifications.failures = 1; // Leaves it recorded, not sent.
      await first.refresher.refresh();

      await second.notifier.recordChanges(seen[1]);
      await Promise.all([
        first.notifier.deliverPending(),
        second.notifier.deliverPending(),
      ]);

      expect([
        ...first.notifications.sent,
        ...second.notifications.sent,
      ]).toHaveLength(1);
    });

    it('keeps the refresh working when sending fails, and sends after a later refresh', async () => {
      const { refresher, notifications, logger } = replica();
      await refresher.refresh();

      notifications.failures = 1;
      entities = withSis({ lifecycle: 'retired' });
      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(notifications.sent).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not send the impact notice "Alder Creek SIS is now retired"; it will be sent on a later refresh',
        expect.objectContaining({
          message: 'connect ECONNREFUSED notifications backend',
        }),
      );
      const [row] = await knex('dc_impact_notices');
      expect(row).toMatchObject({ sent_at: null, attempts: 1 });

      await expect(refresher.refresh()).resolves.toBe('unchanged');
      await refresher.refresh();

      expect(notifications.sent.map(n => n.payload.title)).toEqual([
        'Alder Creek SIS is now retired',
      ]);
      const [sent] = await knex('dc_impact_notices');
      expect(sent).toMatchObject({ attempts: 2, last_error: null });
      expect(sent.sent_at).toEqual(expect.any(String));
    });

    it('sends a change once when the refresh that saw it failed to replace the model', async () => {
      const { refresher, notifications, store } = replica();
      await refresher.refresh();

      entities = withSis({ lifecycle: 'retired' });
      store.failures = 1;
      await expect(refresher.refresh()).rejects.toThrow(
        'Connection terminated unexpectedly',
      );
      // Before the next refresh another entity changes as well; the
      // retirement is seen again, from the same model, and not told twice.
      entities = changed(entities, 'alder-creek-tests', {
        steward: 'user:kwame',
      });
      await expect(refresher.refresh()).resolves.toBe('changed');
      await refresher.refresh();

      expect(notifications.sent.map(n => n.payload.title)).toEqual([
        'Alder Creek SIS is now retired',
      ]);
    });

    it('notices the same change again when it is made again later', async () => {
      const { refresher, notifications } = replica();
      await refresher.refresh();

      entities = withSis({ lifecycle: 'deprecated' });
      await refresher.refresh();
      entities = withSis({ lifecycle: 'production', steward: 'user:kwame' });
      await refresher.refresh();
      entities = withSis({ lifecycle: 'deprecated', steward: 'user:kwame' });
      await refresher.refresh();

      expect(notifications.sent.map(n => n.payload.title)).toEqual([
        'Alder Creek SIS is now deprecated',
        'Alder Creek SIS is now deprecated',
      ]);
      expect(notifications.sent[0].payload.scope).not.toBe(
        notifications.sent[1].payload.scope,
      );
    });
  },
);
