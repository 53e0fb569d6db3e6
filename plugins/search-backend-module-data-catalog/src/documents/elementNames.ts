import { Entity } from '@backstage/catalog-model';
import { DATA_ELEMENT_KIND } from '@internal/plugin-data-catalog-common';
import { DocumentContext } from './context';
import { resolveRef } from './references';

/**
 * The words a referenced element is found by: its title and CEDS
 * identifier when the catalog holds it, else the name in the reference.
 */
export function elementWords(
  ref: string,
  from: Entity,
  context: DocumentContext,
): string {
  const fullRef = resolveRef(ref, DATA_ELEMENT_KIND, from);
  const element = context.elements.get(fullRef);
  if (!element) {
    return fullRef.slice(fullRef.indexOf('/') + 1);
  }

  return [
    element.title,
    element.cedsId && `CEDS ${element.cedsId}`,
    element.cedsName !== element.title && element.cedsName,
  ]
    .filter(Boolean)
    .join(', ');
}
