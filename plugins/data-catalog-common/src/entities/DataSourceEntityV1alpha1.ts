import type { Entity } from '@backstage/catalog-model';
import {
  AccessFrequency,
  AccessMethod,
  DATA_CATALOG_API_VERSION,
  DATA_SOURCE_KIND,
  DataSourceCategory,
  DataSourceLifecycle,
  DataSourceType,
  ElementStatus,
  Grade,
  PrivacyClass,
} from '../vocabulary';

/** The grades and school years a source, or one of its elements, covers. */
export type Coverage = {
  grades: Grade[];
  years: string[];
};

/** One data element as a source holds it, under the source's own field name. */
export type ProvidedElement = {
  /** Reference to the DataElement, `dataelement:default/ela-scale-score`. */
  element: string;
  /** The column, field or property name inside the source. */
  field: string;
  /** Defaults to `available` when left out. */
  status?: ElementStatus;
  /** Narrows the source's coverage for this element only. */
  coverage?: Partial<Coverage>;
  note?: string;
};

/** An upstream source this one receives data from. */
export type SourceFeed = {
  /** Reference to the upstream DataSource. */
  source: string;
  /** The elements that flow along this feed, where known. */
  elements?: string[];
  note?: string;
};

/** A system or file that holds student data in one district. */
export interface DataSourceEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_CATALOG_API_VERSION;
  kind: typeof DATA_SOURCE_KIND;
  spec: {
    type: DataSourceType;
    category: DataSourceCategory;
    lifecycle: DataSourceLifecycle;
    owner: string;
    steward?: string;
    district: string;
    vendor?: string;
    product?: string;
    access: {
      method: AccessMethod;
      frequency: AccessFrequency;
      note?: string;
    };
    linkableByStudentId: boolean;
    coverage: Coverage;
    privacy: PrivacyClass;
    provides?: ProvidedElement[];
    fedBy?: SourceFeed[];
  };
}

/** Tells whether an entity is a DataSource of this project's apiVersion. */
export function isDataSourceEntity(
  entity: Entity,
): entity is DataSourceEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    entity.kind === DATA_SOURCE_KIND
  );
}
