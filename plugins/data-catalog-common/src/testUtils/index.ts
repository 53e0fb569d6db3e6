/**
 * Small, valid entities of each kind for tests of the data catalog's
 * packages; tests break them one field at a time.
 *
 * @packageDocumentation
 */

export * from './entities';
export * from './loadCatalogTree';
export * from './generateRegion';
