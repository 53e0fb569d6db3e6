import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataCatalog?: {
    /** OpenLineage run events turned into lineage between DataSources. */
    openLineage?: {
      /**
       * A JSON-lines file of run events, one a line, as OpenLineage's file
       * transport writes them. Relative to the backend's working directory.
       */
      file?: string;
      /**
       * How often the file is read again; every five minutes by default.
       * An unchanged file is not read again.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
