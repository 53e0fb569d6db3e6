/**
 * The data catalog's entity model: the DataSource, DataElement and Indicator
 * kinds, their JSON schemas, validation and relations, and the rules that
 * keep student records out of the catalog.
 *
 * @packageDocumentation
 */

export * from './vocabulary';
export * from './relations';
export * from './annotations';
export * from './entities';
export * from './schema';
export * from './validation';
export * from './gaps';
export * from './api';
export * from './permissions';
export * from './privacy';
export * from './search';
export * from './events';
