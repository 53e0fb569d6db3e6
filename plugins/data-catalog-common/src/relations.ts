/*
 * The data catalog's own relations. Each comes with its reverse so that the
 * catalog graph can be walked from either end; ownership reuses Backstage's
 * `ownedBy` and `ownerOf`.
 */

/** A source or element is looked after, day to day, by this steward. */
export const RELATION_STEWARDED_BY = 'stewardedBy';
/** Reverse of {@link RELATION_STEWARDED_BY}. */
export const RELATION_STEWARD_OF = 'stewardOf';

/** A source belongs to this district (or to the BOCES for regional systems). */
export const RELATION_IN_DISTRICT = 'inDistrict';
/** Reverse of {@link RELATION_IN_DISTRICT}. */
export const RELATION_DISTRICT_OF = 'districtOf';

/** A source provides this data element. */
export const RELATION_PROVIDES_ELEMENT = 'providesElement';
/** Reverse of {@link RELATION_PROVIDES_ELEMENT}. */
export const RELATION_ELEMENT_PROVIDED_BY = 'elementProvidedBy';

/** An indicator needs this element, to compute it or to disaggregate it. */
export const RELATION_REQUIRES_ELEMENT = 'requiresElement';
/** Reverse of {@link RELATION_REQUIRES_ELEMENT}. */
export const RELATION_ELEMENT_REQUIRED_BY = 'elementRequiredBy';

/** A source receives data from this upstream source. */
export const RELATION_FED_BY = 'fedBy';
/** Reverse of {@link RELATION_FED_BY}. */
export const RELATION_FEEDS = 'feeds';

/** Every relation pair, forward name first. */
export const DATA_CATALOG_RELATION_PAIRS = [
  [RELATION_STEWARDED_BY, RELATION_STEWARD_OF],
  [RELATION_IN_DISTRICT, RELATION_DISTRICT_OF],
  [RELATION_PROVIDES_ELEMENT, RELATION_ELEMENT_PROVIDED_BY],
  [RELATION_REQUIRES_ELEMENT, RELATION_ELEMENT_REQUIRED_BY],
  [RELATION_FED_BY, RELATION_FEEDS],
] as const;
