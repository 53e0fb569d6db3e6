import type { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  DATA_ELEMENT_KIND,
  ElementDomain,
  ElementGrain,
  ElementValueType,
  PrivacyClass,
} from '../vocabulary';

/** One entry of the shared vocabulary of student data. */
export interface DataElementEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_CATALOG_API_VERSION;
  kind: typeof DATA_ELEMENT_KIND;
  spec: {
    owner: string;
    definition: string;
    domain: ElementDomain;
    grain: ElementGrain;
    valueType: ElementValueType;
    privacy: PrivacyClass;
    /** True for attributes used to disaggregate indicators by subgroup. */
    subgroup?: boolean;
    /** Allowed values, for coded elements. */
    codes?: string[];
    ceds?: { id: string; name?: string };
    edFi?: { resource: string; property?: string; descriptor?: string };
  };
}

/** Tells whether an entity is a DataElement of this project's apiVersion. */
export function isDataElementEntity(
  entity: Entity,
): entity is DataElementEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    entity.kind === DATA_ELEMENT_KIND
  );
}
