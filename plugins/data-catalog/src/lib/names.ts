import { parseEntityRef } from '@backstage/catalog-model';

/** The name part of an entity reference, for compact display. */
export function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** A catalog entity page path for a reference, `/catalog/ns/kind/name`. */
export function entityPath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}
