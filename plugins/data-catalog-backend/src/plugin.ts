import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { toError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { applyDatabaseMigrations } from './database/migrations';
import { DatabaseReadModelStore } from './database/ReadModelStore';
import { OwnersStore } from './database/OwnersStore';
import { GapService } from './gaps/GapService';
import { GapStatusStore } from './database/GapStatusStore';
import { ImpactNoticeStore } from './impact/ImpactNoticeStore';
import { ImpactNotifier } from './impact/ImpactNotifier';
import { LineageService } from './lineage/LineageService';
import { ReadModelRefresher } from './readModel/ReadModelRefresher';
import { refreshOnCatalogChanges } from './readModel/refreshOnChanges';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createRouter } from './service/router';
import { registerDataCatalogActions } from './actions';
import { ElementComparisonService } from './comparison/ElementComparisonService';
import { SnapshotStore } from './database/SnapshotStore';
import { ProgressService } from './progress/ProgressService';
import {
  dataCatalogSubjectResourceRef,
  isSubjectWriter,
  SubjectResolver,
} from './permissions';
import {
  dataCatalogPermissions,
  DEFAULT_MINIMUM_CELL_SIZE,
} from '@internal/plugin-data-catalog-common';
import {
  MINIMUM_CELL_SIZE_KEY,
  readMinimumCellSize,
} from './privacy/readMinimumCellSize';

/**
 * The data catalog backend: gaps per district, lineage, owners' annotations
 * and action plans, over its own read model of the catalog.
 */
export const dataCatalogPlugin = createBackendPlugin({
  pluginId: 'data-catalog',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        permissions,
        permissionsRegistry,
        httpRouter,
        logger,
        scheduler,
        catalog,
        notifications,
        actionsRegistry,
        events,
      }) {
        // No count of students is shown yet; the minimum is read at
        // start-up all the same, so that a wrong value stops the backend
        // now rather than when a count first appears.
        const minimumCellSize = readMinimumCellSize(config);
        if (minimumCellSize < DEFAULT_MINIMUM_CELL_SIZE) {
          logger.warn(
            `${MINIMUM_CELL_SIZE_KEY} is ${minimumCellSize}: New York suppresses public counts of fewer than ${DEFAULT_MINIMUM_CELL_SIZE} students`,
          );
        }

        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(db);
        }

        const readModel = new DatabaseReadModelStore(db);
        const refresher = new ReadModelRefresher({
          catalog,
          auth,
          store: readModel,
          logger,
        });
        const scheduleKey = 'dataCatalog.readModel.schedule';
        await refresher.schedule(
          scheduler,
          config.has(scheduleKey)
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig(scheduleKey),
              )
            : {
                // The catalog module announces changes, which start a
                // refresh within seconds; the schedule catches what no
                // announcement tells of, such as a deleted entity.
                frequency: { minutes: 2 },
                timeout: { minutes: 10 },
                initialDelay: { seconds: 5 },
              },
        );
        await refreshOnCatalogChanges({
          events,
          scheduler,
          logger,
          // While a catalog loads thousands of entities, announcements come
          // all the time; at state scale a refresh takes seconds, and this
          // keeps refreshing to a third of the time at most.
          minIntervalMs: () => Math.max(5000, 2 * refresher.lastDurationMs),
        });

        const owners = new OwnersStore(db);
        const subjects = new SubjectResolver(readModel);
        permissionsRegistry.addResourceType({
          resourceRef: dataCatalogSubjectResourceRef,
          permissions: dataCatalogPermissions,
          rules: [isSubjectWriter],
          getResources: refs => subjects.resolve(refs),
        });

        const isAuthorized = createConditionAuthorizer(
          permissionsRegistry.getPermissionRuleset(
            dataCatalogSubjectResourceRef,
          ),
        );

        const gaps = new GapService(readModel, owners, {
          statusStore: new GapStatusStore(db),
          logger,
        });
        const lineage = new LineageService(readModel);
        const snapshots = new SnapshotStore(db);
        const progress = new ProgressService(gaps, snapshots, logger);
        const comparison = new ElementComparisonService(readModel);

        // Snapshots follow every change of the gaps: a catalog change seen
        // by the refresh, an owner's annotation, and at least one a day.
        refresher.onChange(async () => {
          await progress.takeSnapshots('catalog');
        });
        // Owners downstream of a source hear when it is deprecated or
        // retired, changes vendor or drops an element. Notices are recorded
        // before the model is replaced, so that none is lost if the replace
        // fails; one that could not be sent goes out after a later refresh.
        const impact = new ImpactNotifier({
          store: new ImpactNoticeStore(db),
          actions: owners,
          notifications,
          logger,
        });
        refresher.beforeReplace(change => impact.recordChanges(change));
        refresher.afterEachRefresh(() => impact.deliverPending());
        await scheduler.scheduleTask({
          id: 'data-catalog-daily-snapshot',
          frequency: { hours: 1 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await progress.takeSnapshots('daily');
          },
        });
        // Every replica keeps its own answers; each computes them soon
        // after a change, before a leader asks for the regional matrix.
        await scheduler.scheduleTask({
          id: 'data-catalog-warm-gaps',
          scope: 'local',
          frequency: { seconds: 15 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 10 },
          fn: async () => {
            await gaps.warm();
          },
        });
        registerDataCatalogActions({
          actionsRegistry,
          auth,
          readModel,
          gaps,
          lineage,
        });

        const onWrite = async (district: string) => {
          try {
            await progress.takeSnapshots('annotation', [district]);
          } catch (error) {
            logger.warn(
              `Could not record gap progress for ${district}`,
              toError(error),
            );
          }
        };
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            readModel,
            owners,
            subjects,
            isAuthorized,
            gaps,
            lineage,
            progress: snapshots,
            comparison,
            catalog,
            onWrite,
            logger,
          }),
        );
      },
    });
  },
});
