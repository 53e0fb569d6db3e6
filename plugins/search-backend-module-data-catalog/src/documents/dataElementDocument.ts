import { DataElementEntityV1alpha1 } from '@internal/plugin-data-catalog-common';
import {
  baseDocument,
  DataCatalogDocument,
  joinText,
} from './DataCatalogDocument';
import { ElementSummary } from './context';

/** What sources and indicators say about this element. */
export function summarizeElement(
  entity: DataElementEntityV1alpha1,
): ElementSummary {
  return {
    title: entity.metadata.title ?? entity.metadata.name,
    cedsId: entity.spec.ceds?.id,
    cedsName: entity.spec.ceds?.name,
  };
}

/**
 * An element's document: found by its definition, its CEDS identifier and
 * name, its Ed-Fi resource, property and descriptor, and its codes.
 */
export function dataElementDocument(
  entity: DataElementEntityV1alpha1,
): DataCatalogDocument {
  const { spec } = entity;

  const text = joinText([
    entity.metadata.description,
    spec.definition,
    `Domain ${spec.domain}, recorded per ${spec.grain}, ${spec.valueType}`,
    spec.subgroup && 'Subgroup attribute used to disaggregate indicators',
    spec.ceds && joinText([`CEDS ${spec.ceds.id}`, spec.ceds.name]),
    spec.edFi &&
      joinText([
        `Ed-Fi ${spec.edFi.resource}`,
        spec.edFi.property,
        spec.edFi.descriptor,
      ]),
    spec.codes?.join(' '),
    entity.metadata.tags?.join(' '),
  ]);

  return {
    ...baseDocument(entity, 'DataElement'),
    summary: entity.metadata.description?.trim() || spec.definition.trim(),
    text,
    domain: spec.domain,
    cedsId: spec.ceds?.id ?? '',
  };
}
