import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { applyDatabaseMigrations } from './database/migrations';
import { DatabaseReadModelStore } from './database/ReadModelStore';
import { noCorrections } from './gaps/CorrectionProvider';
import { GapService } from './gaps/GapService';
import { LineageService } from './lineage/LineageService';
import { ReadModelRefresher } from './readModel/ReadModelRefresher';
import { createRouter } from './service/router';

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
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        scheduler,
        catalog,
      }) {
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
                frequency: { seconds: 30 },
                timeout: { minutes: 10 },
                initialDelay: { seconds: 5 },
              },
        );

        const gaps = new GapService(readModel, noCorrections);
        const lineage = new LineageService(readModel);
        httpRouter.use(
          await createRouter({ httpAuth, readModel, gaps, lineage }),
        );
      },
    });
  },
});
