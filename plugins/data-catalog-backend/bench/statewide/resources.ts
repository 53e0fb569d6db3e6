import { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  dataCatalogReferences,
  parseReference,
} from '@internal/plugin-data-catalog-common';

/**
 * The same catalog as built-in entities, for comparing what processing
 * the data catalog's kinds costs the catalog: every DataSource,
 * DataElement and Indicator becomes a `Resource` of the same name, with
 * its spec kept (so that each entity is as large) and each reference that
 * gives a relation written as `spec.dependsOn`, so that the catalog
 * stores as many relations. Groups stay as they are.
 */
export function toResourceEntities(entities: Entity[]): Entity[] {
  const resourceRef = (kind: string, namespace: string, name: string) =>
    ['datasource', 'dataelement', 'indicator'].includes(kind)
      ? `resource:${namespace}/${name}`
      : `${kind}:${namespace}/${name}`;

  const names = new Set<string>();
  return entities.map(entity => {
    if (entity.apiVersion !== DATA_CATALOG_API_VERSION) {
      return entity;
    }
    const references = dataCatalogReferences(entity);

    // Two kinds of ours may share a name; as Resources they may not.
    const name = entity.metadata.name;
    if (names.has(name)) {
      throw new Error(
        `Two entities named ${name} would become one Resource; the comparison needs distinct names`,
      );
    }
    names.add(name);

    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const dependsOn: string[] = [];
    let owner = String(spec.owner);
    for (const reference of references) {
      const parsed = parseReference(reference);
      if (!reference.relation || !('target' in parsed)) {
        continue;
      }
      const { kind, namespace, name: target } = parsed.target;
      const ref = resourceRef(kind, namespace, target);
      if (reference.field === 'spec.owner') {
        owner = ref;
      } else if (!dependsOn.includes(ref)) {
        dependsOn.push(ref);
      }
    }

    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { ...entity.metadata },
      spec: {
        ...spec,
        type: entity.kind.toLocaleLowerCase('en-US'),
        owner,
        dependsOn,
      },
    };
  });
}
