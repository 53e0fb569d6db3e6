import { createHash } from 'node:crypto';
import { ReadModel } from './types';

/** What a district's gap answers depend on, hashed. */
export interface ReadModelDigests {
  /** The elements and indicators: a change to either changes every answer. */
  vocabulary: string;
  /**
   * Per district or BOCES: its record and the sources it owns; also per
   * district that sources name but the model does not hold.
   */
  districts: Map<string, string>;
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Hashes the parts of the model the gap rules read, so that a refresh
 * that changed a few sources invalidates only their districts' answers.
 */
export function digestReadModel(model: ReadModel): ReadModelDigests {
  const sourcesOf = new Map<string, unknown[]>();
  for (const source of model.sources) {
    const list = sourcesOf.get(source.district) ?? [];
    list.push(source);
    sourcesOf.set(source.district, list);
  }

  const districts = new Map(
    model.districts.map(district => [
      district.ref,
      hash([district, sourcesOf.get(district.ref) ?? []]),
    ]),
  );
  // A source may name a district the catalog does not hold (yet): its
  // sources still need a digest, or the store would never rewrite them.
  for (const [ref, sources] of sourcesOf) {
    if (!districts.has(ref)) {
      districts.set(ref, hash([null, sources]));
    }
  }
  return { vocabulary: hash([model.elements, model.indicators]), districts };
}
