import {
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from './vocabulary';

/** The search document type under which sources, elements and indicators are indexed. */
export const DATA_CATALOG_SEARCH_TYPE = 'data-catalog';

/**
 * One source, element or indicator as the search index holds it; the
 * backend adds Backstage's `title`, `text` and `location`.
 *
 * Every document carries every field, as an empty string where it does not
 * apply (an element has no district, a source no stage): the Lunr engine
 * takes the fields it indexes from the first document it sees, and a filter
 * on a field it does not index drops the whole document type.
 */
export type DataCatalogSearchFields = {
  kind:
    | typeof DATA_SOURCE_KIND
    | typeof DATA_ELEMENT_KIND
    | typeof INDICATOR_KIND;
  /** `datasource:default/alder-creek-sis`. */
  entityRef: string;
  /** The description or definition, to show under the title. */
  summary: string;
  /** Reference of the source's district or BOCES group. */
  district: string;
  /** The district's title, for display. */
  districtTitle: string;
  /** Indicators only. */
  stage: string;
  /** Indicators only. */
  construct: string;
  /** Sources only. */
  lifecycle: string;
  /** Sources only: `sis`, `assessment`, ... */
  sourceType: string;
  /** Sources only. */
  vendor: string;
  /** Elements only. */
  domain: string;
  /** Elements only: the CEDS global element identifier. */
  cedsId: string;
};

/** The facet fields a search filter may narrow data catalog results by. */
export const DATA_CATALOG_SEARCH_FACETS = [
  'kind',
  'district',
  'stage',
  'construct',
  'lifecycle',
  'sourceType',
  'domain',
] as const;
