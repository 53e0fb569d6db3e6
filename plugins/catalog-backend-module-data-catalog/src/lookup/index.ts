export type { EntityLookup } from './EntityLookup';
export { CatalogStateEntityLookup } from './CatalogStateEntityLookup';
