import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * The collator that indexes the data catalog's DataSource, DataElement
       * and Indicator entities under the `data-catalog` document type.
       */
      dataCatalog?: {
        /**
         * How often to rebuild the index. Defaults to every 10 minutes, with
         * a 15-minute timeout, starting 5 seconds after the backend starts.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Entities read from the catalog per request. Defaults to 500.
         */
        batchSize?: number;
      };
    };
  };
}
