import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

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

/**
 * A reference as the catalog writes it, `group:default/alder-creek-it`,
 * from one YAML may shorten to `group:alder-creek-it` or a bare name. The
 * catalog's entity presentation finds titles by the full form only.
 */
export function fullRef(ref: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return ref;
  }
}
