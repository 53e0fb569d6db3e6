import { IndicatorEntityV1alpha1 } from '@internal/plugin-data-catalog-common';
import { DocumentContext } from './context';
import {
  baseDocument,
  DataCatalogDocument,
  joinText,
} from './DataCatalogDocument';
import { elementWords } from './elementNames';

/**
 * An indicator's document: found by its definition and calculation, its
 * stage and construct, and the elements it needs and is broken down by.
 */
export function indicatorDocument(
  entity: IndicatorEntityV1alpha1,
  context: DocumentContext,
): DataCatalogDocument {
  const { spec } = entity;
  const words = (refs: string[] | undefined) =>
    (refs ?? []).map(ref => elementWords(ref, entity, context));

  const text = joinText([
    entity.metadata.description,
    spec.definition,
    spec.calculation,
    spec.unit,
    `Stage ${spec.stage}, construct ${spec.construct}`,
    ...words(spec.requires).map(element => `Requires ${element}`),
    ...words(spec.disaggregateBy).map(element => `By ${element}`),
    entity.metadata.tags?.join(' '),
  ]);

  return {
    ...baseDocument(entity, 'Indicator'),
    summary: entity.metadata.description?.trim() || spec.definition.trim(),
    text,
    stage: spec.stage,
    construct: spec.construct,
  };
}
