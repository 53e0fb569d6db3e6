import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

// The kinds' YAML may shorten a reference (`ela-scale-score` for
// `dataelement:default/ela-scale-score`); lookups compare the full,
// lower-case form that the catalog itself uses for relations.

/** The full, lower-case reference of an entity. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** A reference from an entity's spec, completed and lower-cased. */
export function resolveRef(
  ref: string,
  defaultKind: string,
  from: Entity,
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: from.metadata.namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * The path of the entity's page, `/catalog/<namespace>/<kind>/<name>`, as
 * the catalog's frontend builds it: namespace and kind in lower case, the
 * name as written.
 */
export function entityPagePath(entity: Entity): string {
  const namespace = (entity.metadata.namespace ?? 'default').toLocaleLowerCase(
    'en-US',
  );
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(entity.metadata.name)}`;
}
