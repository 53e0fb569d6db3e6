import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ChangeAnnouncer } from './changes/ChangeAnnouncer';
import { CatalogStateEntityLookup } from './lookup';
import { DataCatalogEntitiesProcessor } from './processor';
import { entityDataParser } from './reading';

/**
 * Teaches the catalog the DataSource, DataElement and Indicator kinds:
 * validates them and emits their relations. Also replaces the catalog's
 * entity data parser with one that rejects a bad YAML document on its own
 * rather than every entity of the location that read it, and announces
 * changes of what the data catalog reads on the events service.
 */
export const catalogModuleDataCatalog = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-catalog',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        database: coreServices.database,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        processing,
        model,
        database,
        config,
        logger,
        events,
        lifecycle,
      }) {
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
        // Tells the data catalog backend when what it reads has changed,
        // so that its read model follows within seconds.
        const announcer = new ChangeAnnouncer({ events, logger });
        processing.addProcessor(announcer);
        lifecycle.addShutdownHook(() => announcer.flush());

        // The catalog takes one parser; a second module setting its own
        // fails the backend's start, which is better than losing this one.
        model.setEntityDataParser(entityDataParser);
      },
    });
  },
});
