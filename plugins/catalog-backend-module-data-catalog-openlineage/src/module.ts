import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { DatabaseLineageStore } from './database/LineageStore';
import { EventsFileReader } from './events/EventsFileReader';
import { ObservedLineage } from './lineage/ObservedLineage';
import { CatalogStateClaims } from './matching/CatalogStateClaims';
import { OpenLineageLineageProcessor } from './processor/OpenLineageLineageProcessor';
import { createRouter } from './service/router';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ChangeAnnouncer } from '@internal/plugin-catalog-backend-module-data-catalog';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 15 },
};

/**
 * Turns OpenLineage run events, posted to the catalog or read from a file,
 * into `fedBy` and `feeds` relations between the DataSources whose
 * datasets they name.
 */
export const catalogModuleDataCatalogOpenLineage = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-catalog-openlineage',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { processing, catalog, auth, database, config } = deps;
        const logger = deps.logger.child({ module: 'openlineage' });

        // The edges live in the catalog's database: events posted over HTTP
        // cannot be read again from anywhere after a restart.
        const store = await DatabaseLineageStore.create(database);
        const lineage = new ObservedLineage({
          store,
          claims: new CatalogStateClaims(await database.getClient()),
          logger,
          refresh: async sourceRef =>
            catalog.refreshEntity(sourceRef, {
              credentials: await auth.getOwnServiceCredentials(),
            }),
        });

        // Lineage learned from events changes no entity's YAML; the
        // announcer tells the data catalog's read model all the same.
        const announcer = new ChangeAnnouncer({ events: deps.events, logger });
        deps.lifecycle.addShutdownHook(() => announcer.flush());
        processing.addProcessor(
          new OpenLineageLineageProcessor(lineage, announcer),
        );
        deps.httpRouter.use(await createRouter({ lineage }));

        const settings = config.getOptionalConfig('dataCatalog.openLineage');
        const file = settings?.getOptionalString('file');
        if (!file) {
          return;
        }
        const schedule = settings?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              settings.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;
        const reader = new EventsFileReader({ file, lineage, logger });
        await deps.scheduler.scheduleTask({
          id: 'data-catalog-openlineage-file',
          ...schedule,
          fn: () => reader.read(),
        });
      },
    });
  },
});
