export {
  dataCatalogConditions,
  createDataCatalogConditionalDecision,
} from './conditions';
export { isSubjectWriter } from './rules';
export type { DataCatalogSubject } from './subjects';
export { dataCatalogSubjectResourceRef, SubjectResolver } from './subjects';
