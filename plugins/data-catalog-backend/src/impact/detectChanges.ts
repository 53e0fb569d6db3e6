import { DataSourceLifecycle } from '@internal/plugin-data-catalog-common';
import { ReadModel, StoredSource } from '../readModel/types';

/** A change of a data source that its downstream owners must hear of. */
export type SourceChange =
  | {
      kind: 'lifecycle';
      source: StoredSource;
      from: DataSourceLifecycle;
      to: 'deprecated' | 'retired';
      /** Every element the source provided before or provides now. */
      elements: string[];
    }
  | {
      kind: 'vendor';
      source: StoredSource;
      from: string;
      to: string;
      elements: string[];
    }
  | {
      kind: 'elements';
      source: StoredSource;
      /** The elements it no longer provides. */
      elements: string[];
    };

/**
 * The changes between two read models that can break something downstream:
 * a source moved to deprecated or retired, changed vendor, or stopped
 * providing elements. A source that is new has nothing downstream yet.
 */
export function detectChanges(
  previous: ReadModel,
  next: ReadModel,
): SourceChange[] {
  const before = new Map(previous.sources.map(s => [s.ref, s]));
  const changes: SourceChange[] = [];

  for (const source of next.sources) {
    const earlier = before.get(source.ref);
    if (!earlier) {
      continue;
    }

    const held = elementsOf(earlier);
    const holds = elementsOf(source);
    const everything = () => [...new Set([...held, ...holds])];

    if (
      source.lifecycle !== earlier.lifecycle &&
      (source.lifecycle === 'deprecated' || source.lifecycle === 'retired')
    ) {
      changes.push({
        kind: 'lifecycle',
        source,
        from: earlier.lifecycle,
        to: source.lifecycle,
        elements: everything(),
      });
    }

    // Only a vendor replaced by another counts: naming a vendor where none
    // was recorded, or no longer naming one, corrects the YAML, and so
    // does a change of case or spacing.
    if (
      earlier.vendor &&
      source.vendor &&
      sameName(earlier.vendor) !== sameName(source.vendor)
    ) {
      changes.push({
        kind: 'vendor',
        source,
        from: earlier.vendor,
        to: source.vendor,
        elements: everything(),
      });
    }

    // Most sources list the same elements in the same order as before.
    const same =
      held.length === holds.length && held.every((e, i) => e === holds[i]);
    const kept = same ? undefined : new Set(holds);
    const dropped = kept ? held.filter(element => !kept.has(element)) : [];
    if (dropped.length > 0) {
      changes.push({ kind: 'elements', source, elements: dropped });
    }
  }
  // TODO(impact-removed-sources): a source deleted from the catalog is not
  // reported; its YAML may only have moved, and the catalog gives no way to
  // tell. Report it once deletions can be told from moves.
  return changes;
}

function elementsOf(source: StoredSource): string[] {
  return source.provides.map(p => p.element);
}

function sameName(vendor: string): string {
  return vendor.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}
