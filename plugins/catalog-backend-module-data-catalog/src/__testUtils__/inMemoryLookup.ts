import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityLookup } from '../lookup';

/** An {@link EntityLookup} over a fixed list of entities. */
export function inMemoryLookup(entities: Entity[]): EntityLookup {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
  );
  return {
    async getEntities(refs) {
      return new Map(
        refs.flatMap(ref => {
          const entity = byRef.get(ref.toLocaleLowerCase('en-US'));
          return entity ? [[ref.toLocaleLowerCase('en-US'), entity]] : [];
        }),
      );
    },
  };
}
