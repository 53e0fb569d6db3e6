import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

function key(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Names entity references the way a workbook's reader knows them: groups
 * by title, users by display name. A name two entities share would not
 * import back to the right one, so those stay references.
 */
export class NameBook {
  private readonly names = new Map<string, string>();

  constructor(people: Entity[]) {
    const counts = new Map<string, number>();
    const named = people.map(entity => {
      const profile = entity.spec?.profile as
        | { displayName?: string }
        | undefined;
      const name =
        profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
      counts.set(key(name), (counts.get(key(name)) ?? 0) + 1);
      return { ref: key(stringifyEntityRef(entity)), name };
    });
    for (const { ref, name } of named) {
      if (counts.get(key(name)) === 1) {
        this.names.set(ref, name);
      }
    }
  }

  /** The name of a reference written relative to `defaultKind`. */
  nameOf(ref: string | undefined, defaultKind: string): string {
    if (!ref) {
      return '';
    }
    const full = key(
      stringifyEntityRef(
        parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
      ),
    );
    return this.names.get(full) ?? ref;
  }
}

/** The short name of an entity reference: `dataelement:default/x` is `x`. */
export function shortName(ref: string): string {
  return parseEntityRef(ref, {
    defaultKind: 'unknown',
    defaultNamespace: 'default',
  }).name;
}
