import { parseEntityRef } from '@backstage/catalog-model';
import { Grade } from '../vocabulary';
import { sortGrades } from './grades';
import {
  AvailabilityCorrection,
  DistrictCatalog,
  ElementAssessment,
  ProvisionRecord,
  SourceRecord,
} from './types';

/** One source's provision of one element. */
export interface Holding {
  source: SourceRecord;
  provision: ProvisionRecord;
  /** The owner's latest correction of it, if any. */
  correction?: AvailabilityCorrection;
}

/**
 * What the rules look up again and again for one district, built once so
 * that assessing hundreds of indicators costs little more than one.
 */
export interface DistrictIndex {
  district: string;
  /** The district's title, or the name part of its reference. */
  districtLabel: string;
  /** The grades the district serves, in school order. */
  grades: Grade[];
  /** The most recent school year any source in use holds, if any. */
  latestYear?: string;
  /** Per element, every provision of it in a listed source. */
  holdings: Map<string, Holding[]>;
  /** Per element, the in-use sources that list it. */
  holders: Map<string, Set<string>>;
  elementTitles: Map<string, string>;
  /**
   * Elements already judged, by element, grades and need to join: most
   * indicators share the identifier and the subgroup elements, and judge
   * them alike. Results share these objects, so they are read-only.
   */
  judged: Map<
    string,
    Map<string, Partial<Record<ElementAssessment['role'], ElementAssessment>>>
  >;
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** Sources in use hold data now; planned ones do not yet. */
export function isInUse(source: SourceRecord): boolean {
  return source.lifecycle === 'production' || source.lifecycle === 'deprecated';
}

/** Builds the lookups the rules need for one district. */
export function indexDistrict(catalog: DistrictCatalog): DistrictIndex {
  // Retired sources are left out of everything; planned ones are listed as
  // provisions (they say what is coming) but hold no grades or years yet.
  const own = catalog.sources.filter(
    source =>
      source.district === catalog.district && source.lifecycle !== 'retired',
  );
  const regional = (catalog.regionalSources ?? []).filter(
    source => source.lifecycle !== 'retired',
  );
  const listed = [...own, ...regional];
  // The district's grades and latest year are its own: a regional source
  // serves many districts and says nothing about which grades this one has.
  const inUse = own.filter(isInUse);

  const sis = inUse.filter(source => source.type === 'sis');
  const grades = sortGrades(
    (sis.length > 0 ? sis : inUse).flatMap(source => source.grades),
  );

  let latestYear: string | undefined;
  for (const year of inUse.flatMap(source => source.years)) {
    if (latestYear === undefined || year > latestYear) {
      latestYear = year;
    }
  }

  // Corrections come from the portal's own tables, so their references are
  // lower-cased like the records'. Of two on the same pair the later stands.
  const corrections = new Map<string, AvailabilityCorrection>();
  for (const correction of catalog.corrections) {
    const key = `${correction.source} ${correction.element}`.toLocaleLowerCase(
      'en-US',
    );
    const earlier = corrections.get(key);
    if (!earlier || correction.at >= earlier.at) {
      corrections.set(key, correction);
    }
  }

  const holdings = new Map<string, Holding[]>();
  const holders = new Map<string, Set<string>>();
  for (const source of listed) {
    for (const provision of source.provides) {
      const list = holdings.get(provision.element) ?? [];
      const correction = corrections.get(`${source.ref} ${provision.element}`);
      list.push({ source, provision, ...(correction ? { correction } : {}) });
      holdings.set(provision.element, list);
      if (isInUse(source)) {
        const set = holders.get(provision.element) ?? new Set<string>();
        set.add(source.ref);
        holders.set(provision.element, set);
      }
    }
  }

  return {
    district: catalog.district,
    districtLabel: catalog.districtTitle ?? nameOf(catalog.district),
    grades,
    latestYear,
    holdings,
    holders,
    elementTitles: new Map(catalog.elements.map(e => [e.ref, e.title])),
    judged: new Map(),
  };
}

/** The element's title, or the name in its reference when it is unknown. */
export function elementTitle(index: DistrictIndex, element: string): string {
  return index.elementTitles.get(element) ?? nameOf(element);
}
