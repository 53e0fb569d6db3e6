import {
  DataSourceLifecycle,
  IndicatorStage,
} from '@internal/plugin-data-catalog-common';
import { DataCatalogSearchFields } from '@internal/plugin-data-catalog-common';

export { CONSTRUCT_LABELS } from '../IndicatorDistrictsCard/labels';

/** Each kind as the result list names it. */
export const KIND_LABELS: Record<DataCatalogSearchFields['kind'], string> = {
  DataSource: 'Data source',
  DataElement: 'Data element',
  Indicator: 'Indicator',
};

/** Stages in a word, short enough for a chip and a filter. */
export const STAGE_LABELS: Record<IndicatorStage, string> = {
  access: 'Access',
  participation: 'Participation',
  outcomes: 'Outcomes',
};

/** Lifecycles a result is marked with; production goes unmarked. */
export const LIFECYCLE_LABELS: Partial<Record<DataSourceLifecycle, string>> = {
  planned: 'Planned',
  deprecated: 'Deprecated',
  retired: 'Retired',
};
