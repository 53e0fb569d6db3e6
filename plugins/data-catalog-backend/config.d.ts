import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  dataCatalog?: {
    readModel?: {
      /**
       * How often the read model is compared with the catalog and rewritten
       * when it changed, besides the refreshes the catalog module's change
       * announcements start. Every 2 minutes by default.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    privacy?: {
      /**
       * The fewest students a count of students may show. A smaller count,
       * zero included, is shown as "fewer than N" instead. 5 by default,
       * New York's rule for public counts; raise it where a stricter rule
       * applies. A whole number, 1 or more. The catalog shows no count of
       * students today (its counts are of indicators and districts); the
       * rule is ready for any it comes to show.
       */
      minimumCellSize?: number;
    };
  };
}
