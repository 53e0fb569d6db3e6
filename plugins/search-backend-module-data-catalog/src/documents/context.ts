/** What a source's or indicator's document says about one element. */
export type ElementSummary = {
  title: string;
  cedsId?: string;
  cedsName?: string;
};

/**
 * What the documents of one kind need to know about entities of other
 * kinds, read by the collator before it writes them.
 */
export type DocumentContext = {
  /** Elements by full, lower-case reference. */
  elements: ReadonlyMap<string, ElementSummary>;
  /** District and BOCES titles by full, lower-case reference. */
  districtTitles: ReadonlyMap<string, string>;
};
