import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataCatalog?: {
    readModel?: {
      /**
       * How often the read model is compared with the catalog and rewritten
       * when it changed. Every 30 seconds by default.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
