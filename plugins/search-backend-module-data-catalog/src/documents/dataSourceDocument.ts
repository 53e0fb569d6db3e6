import { DataSourceEntityV1alpha1 } from '@internal/plugin-data-catalog-common';
import { DocumentContext } from './context';
import {
  baseDocument,
  DataCatalogDocument,
  joinText,
} from './DataCatalogDocument';
import { elementWords } from './elementNames';
import { resolveRef } from './references';

/**
 * A source's document: found by its description, vendor and product, its
 * district, and each element it holds, by the element's title, its CEDS
 * identifier and the source's own field name.
 */
export function dataSourceDocument(
  entity: DataSourceEntityV1alpha1,
  context: DocumentContext,
): DataCatalogDocument {
  const { spec } = entity;
  const district = resolveRef(spec.district, 'group', entity);
  const districtTitle = context.districtTitles.get(district) ?? '';

  // An element the owner reports as not collected is not in the source;
  // finding the source by it would send people to the wrong place.
  const held = (spec.provides ?? []).filter(
    provided => provided.status !== 'not-collected',
  );

  const text = joinText([
    entity.metadata.description,
    joinText([spec.vendor, spec.product]),
    `${spec.type} ${spec.category}`,
    districtTitle,
    ...held.map(
      provided =>
        `${elementWords(provided.element, entity, context)} (${
          provided.field
        })`,
    ),
    entity.metadata.tags?.join(' '),
  ]);

  return {
    ...baseDocument(entity, 'DataSource'),
    // Vendor and product say most about a source its owner left
    // undescribed.
    summary:
      entity.metadata.description?.trim() ||
      [spec.vendor, spec.product].filter(Boolean).join(' '),
    text,
    district,
    districtTitle,
    lifecycle: spec.lifecycle,
    sourceType: spec.type,
    vendor: spec.vendor ?? '',
  };
}
