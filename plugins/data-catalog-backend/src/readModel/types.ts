import {
  AccessFrequency,
  DataSourceCategory,
  ElementDomain,
  ElementRecord,
  IndicatorRecord,
  PrivacyClass,
  SourceRecord,
} from '@internal/plugin-data-catalog-common';

/** A district or BOCES group. */
export interface DistrictRecord {
  ref: string;
  name: string;
  title: string;
  type: 'district' | 'boces';
  parent?: string;
  /** The group whose members may write for the whole district. */
  dataTeam?: string;
}

/** An upstream feed of a source, with the elements along it if known. */
export interface FeedRecord {
  upstream: string;
  elements: string[];
}

/** A source with everything the read model keeps of it. */
export interface StoredSource extends SourceRecord {
  name: string;
  category: DataSourceCategory;
  owner: string;
  steward?: string;
  accessFrequency: AccessFrequency;
  privacy: PrivacyClass;
  fedBy: FeedRecord[];
}

/** An element with everything the read model keeps of it. */
export interface StoredElement extends ElementRecord {
  name: string;
  domain: ElementDomain;
  owner: string;
  cedsId?: string;
  edFiResource?: string;
}

/** An indicator with everything the read model keeps of it. */
export interface StoredIndicator extends IndicatorRecord {
  name: string;
  owner: string;
}

/** The whole read model, as built from the catalog in one refresh. */
export interface ReadModel {
  districts: DistrictRecord[];
  sources: StoredSource[];
  elements: StoredElement[];
  indicators: StoredIndicator[];
}
