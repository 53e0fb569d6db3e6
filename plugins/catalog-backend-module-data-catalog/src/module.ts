import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
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
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ processing, catalog, auth, config, logger }) {
        const rejectDangling =
          config.getOptionalBoolean('dataCatalog.rejectDanglingReferences') ??
          true;

        processing.addProcessor(
          new DataCatalogEntitiesProcessor({
            logger,
            referenceCheck: rejectDangling ? { catalog, auth } : undefined,
          }),
        );
      },
    });
  },
});
