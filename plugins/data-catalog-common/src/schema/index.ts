export type { JsonSchema } from './common';
export { dataSourceSchema } from './dataSourceSchema';
export { dataElementSchema } from './dataElementSchema';
export { indicatorSchema } from './indicatorSchema';
