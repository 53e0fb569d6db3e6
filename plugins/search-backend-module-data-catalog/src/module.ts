import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DataCatalogCollatorFactory } from './collator';
import { readDataCatalogCollatorConfig } from './config';

/**
 * Indexes the data catalog's sources, elements and indicators for search,
 * on the schedule at `search.collators.dataCatalog.schedule`.
 */
export const searchModuleDataCatalogCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-catalog-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, logger, scheduler, catalog, indexRegistry }) {
        const { schedule, batchSize } = readDataCatalogCollatorConfig(config);

        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new DataCatalogCollatorFactory({
            auth,
            catalog,
            logger,
            batchSize,
          }),
        });
      },
    });
  },
});
