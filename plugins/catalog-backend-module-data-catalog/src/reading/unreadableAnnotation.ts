import { Entity } from '@backstage/catalog-model';
import { describeEntity } from '@internal/plugin-data-catalog-common';

/**
 * Set by the module's entity data parser on what it read but must not let
 * in: an entity with bytes that are not UTF-8, or the stand-in for a
 * document that is no entity at all. Its value is a JSON list of the
 * messages to reject it with; the processor does so before anything else
 * looks at the entity, so the annotation never reaches the catalog's API.
 */
export const UNREADABLE_ANNOTATION = 'datacatalog.k12.dev/unreadable';

/** The entity, carrying the messages it is to be rejected with. */
export function markUnreadable(entity: Entity, messages: string[]): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [UNREADABLE_ANNOTATION]: JSON.stringify(messages),
      },
    },
  };
}

/** The messages an entity is to be rejected with, if it is marked. */
export function unreadableMessages(entity: Entity): string[] | undefined {
  const value = entity.metadata.annotations?.[UNREADABLE_ANNOTATION];
  if (value === undefined) {
    return undefined;
  }
  try {
    const messages = JSON.parse(value);
    if (
      Array.isArray(messages) &&
      messages.length > 0 &&
      messages.every(m => typeof m === 'string')
    ) {
      return messages;
    }
  } catch {
    // Written by hand rather than by the parser; rejected all the same.
  }
  return [
    `${describeEntity(entity)} metadata.annotations: ` +
      `${UNREADABLE_ANNOTATION} is the catalog's own; expected it left out`,
  ];
}
