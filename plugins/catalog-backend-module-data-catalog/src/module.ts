import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CatalogStateEntityLookup } from './lookup';
import { DataCatalogEntitiesProcessor } from './processor';

/**
 * Teaches the catalog the DataSource, DataElement and Indicator kinds:
 * validates them and emits their relations.
 */
export const catalogModuleDataCatalog = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-catalog',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ processing, database, config, logger }) {
        const rejectDangling =
          config.getOptionalBoolean('dataCatalog.rejectDanglingReferences') ??
          true;

        // The module shares the catalog's database, which holds the state
        // the lookup reads.
        const lookup = rejectDangling
          ? new CatalogStateEntityLookup(await database.getClient())
          : undefined;

        processing.addProcessor(
          new DataCatalogEntitiesProcessor({ logger, lookup }),
        );
      },
    });
  },
});
