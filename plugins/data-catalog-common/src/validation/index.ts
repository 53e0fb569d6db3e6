export type { EntityProblem } from './problems';
export { describeEntity, formatProblem } from './problems';
export type { DataCatalogReference } from './references';
export { dataCatalogReferences, parseReference } from './references';
export { validateDataCatalogEntity } from './validateEntity';
export { validateCatalogSet } from './validateCatalogSet';
export { describeNonAscii, isAsciiText } from './lookalikes';
export { MAX_NAME_LENGTH, nameProblems, nonAsciiNameProblems } from './names';
export {
  limitProblems,
  MAX_ENTITY_BYTES,
  MAX_LISTED_ELEMENTS,
  utf8Length,
} from './limits';
export {
  ALIAS_LIMIT_MESSAGE,
  fieldsWithReplacementCharacter,
  isAliasLimitError,
  notAnEntityMessage,
  notUtf8Message,
  REPLACEMENT_CHARACTER,
  UTF16_MESSAGE,
  YAML_ALIAS_LIMIT,
} from './documentProblems';
