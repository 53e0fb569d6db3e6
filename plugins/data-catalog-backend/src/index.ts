/**
 * The data catalog backend plugin.
 *
 * @packageDocumentation
 */

export { dataCatalogPlugin as default } from './plugin';
export {
  createDataCatalogConditionalDecision,
  dataCatalogConditions,
} from './permissions';
