import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.dataCatalog';

/** The collator's settings, with defaults filled in. */
export type DataCatalogCollatorConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  batchSize: number;
};

// Often enough that a source a steward just edited is findable within the
// catalog's own refresh time, and a timeout that lets 17,000 entities be
// read page by page on a slow database.
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 1000;

/** Reads `search.collators.dataCatalog`, naming the setting that is wrong. */
export function readDataCatalogCollatorConfig(
  config: RootConfigService,
): DataCatalogCollatorConfig {
  const section = config.getOptionalConfig(CONFIG_KEY);

  let schedule = DEFAULT_SCHEDULE;
  const scheduleConfig = section?.getOptionalConfig('schedule');
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(
        `Invalid schedule at ${CONFIG_KEY}.schedule: ${
          (error as Error).message
        }`,
      );
    }
  }

  const batchSize =
    section?.getOptionalNumber('batchSize') ?? DEFAULT_BATCH_SIZE;
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > MAX_BATCH_SIZE
  ) {
    throw new InputError(
      `Invalid ${CONFIG_KEY}.batchSize ${batchSize}: expected a whole number from 1 to ${MAX_BATCH_SIZE}`,
    );
  }

  return { schedule, batchSize };
}
