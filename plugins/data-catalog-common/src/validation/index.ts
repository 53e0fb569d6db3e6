export type { EntityProblem } from './problems';
export { describeEntity, formatProblem } from './problems';
export type { DataCatalogReference } from './references';
export { dataCatalogReferences, parseReference } from './references';
export { validateDataCatalogEntity } from './validateEntity';
export { validateCatalogSet } from './validateCatalogSet';
