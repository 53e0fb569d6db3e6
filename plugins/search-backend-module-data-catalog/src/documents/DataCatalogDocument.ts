import { Entity } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';
import { DataCatalogSearchFields } from '@internal/plugin-data-catalog-common';
import { entityPagePath, refOf } from './references';

/** A data catalog entity as the search index holds it. */
export type DataCatalogDocument = IndexableDocument & DataCatalogSearchFields;

/** Joins the non-empty parts of a document's text, one to a line. */
export function joinText(parts: Array<string | undefined | false>): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .map(part => part.trim())
    .filter(part => part.length > 0)
    .join('\n');
}

/**
 * The fields every document shares, each facet empty: the kinds' builders
 * fill in theirs, and the Lunr engine sees the same fields on every
 * document whichever kind it reads first.
 */
export function baseDocument(
  entity: Entity,
  kind: DataCatalogDocument['kind'],
): DataCatalogDocument {
  return {
    title: entity.metadata.title ?? entity.metadata.name,
    text: '',
    location: entityPagePath(entity),
    kind,
    entityRef: refOf(entity),
    summary: entity.metadata.description?.trim() ?? '',
    district: '',
    districtTitle: '',
    stage: '',
    construct: '',
    lifecycle: '',
    sourceType: '',
    vendor: '',
    domain: '',
    cedsId: '',
  };
}
