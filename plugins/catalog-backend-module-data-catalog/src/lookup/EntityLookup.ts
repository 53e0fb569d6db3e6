import { Entity } from '@backstage/catalog-model';

/**
 * What the processor asks about entities other than the one it processes:
 * the entities among some references that the catalog knows of, keyed by
 * their lower-case reference. Known means read from a location, whether or
 * not processing has finished, so that entities which refer to each other
 * can all be accepted.
 */
export interface EntityLookup {
  getEntities(refs: string[]): Promise<Map<string, Entity>>;
}
