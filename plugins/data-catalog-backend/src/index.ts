/**
 * The data catalog backend plugin.
 *
 * @packageDocumentation
 */

export { dataCatalogPlugin as default } from './plugin';
