import { ProvisionRecord } from '@internal/plugin-data-catalog-common';
import {
  DistrictRecord,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';

// Small read models built by hand, so that a test can say exactly which
// district holds what and from which vendor.

export const BOCES = 'group:default/northlake-boces';
export const ALDER = 'group:default/alder-creek';
export const BIRCH = 'group:default/birch-harbor';
export const CEDAR = 'group:default/cedar-point';

export const src = (name: string) => `datasource:default/${name}`;
export const el = (name: string) => `dataelement:default/${name}`;
export const ind = (name: string) => `indicator:default/${name}`;

const nameOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);

/** A member district of the BOCES, or the BOCES itself. */
export function district(ref: string): DistrictRecord {
  const name = nameOf(ref);
  return ref === BOCES
    ? { ref, name, title: 'Northlake BOCES', type: 'boces' }
    : { ref, name, title: `District ${name}`, type: 'district', parent: BOCES };
}

/** What a source holds of one element; the element's name is enough. */
export type Provision = string | (Partial<ProvisionRecord> & { name: string });

/**
 * A source in production, with every provision available in grades K-2
 * for 2024-25 unless it says otherwise.
 */
export function source(
  name: string,
  owner: string,
  provides: Provision[],
  facts: Partial<StoredSource> = {},
): StoredSource {
  return {
    ref: src(name),
    name,
    title: `Source ${name}`,
    district: owner,
    type: 'sis',
    category: 'administrative',
    lifecycle: 'production',
    vendor: 'PowerSchool',
    product: 'PowerSchool SIS',
    owner: `${owner}-it`,
    accessMethod: 'export',
    accessFrequency: 'daily',
    linkableByStudentId: true,
    privacy: 'pii',
    grades: ['K', '1', '2'],
    years: ['2024-25'],
    provides: provides.map(provision => {
      const { name: held, ...rest } =
        typeof provision === 'string' ? { name: provision } : provision;
      return {
        element: el(held),
        field: held.toUpperCase(),
        status: 'available',
        grades: ['K', '1', '2'],
        years: ['2024-25'],
        ...rest,
      };
    }),
    fedBy: [],
    ...facts,
  };
}

/** An element of the shared vocabulary. */
export function element(
  name: string,
  facts: Partial<StoredElement> = {},
): StoredElement {
  return {
    ref: el(name),
    name,
    title: `Element ${name}`,
    domain: 'attendance',
    subgroup: false,
    owner: 'group:default/northlake-data-services',
    ...facts,
  };
}

/** An indicator that needs the named elements. */
export function indicator(
  name: string,
  requires: string[],
  facts: Partial<StoredIndicator> = {},
): StoredIndicator {
  return {
    ref: ind(name),
    name,
    title: `Indicator ${name}`,
    stage: 'outcomes',
    construct: 'engagement',
    owner: 'group:default/northlake-data-services',
    grades: [],
    requires: requires.map(el),
    disaggregateBy: [],
    ...facts,
  };
}
