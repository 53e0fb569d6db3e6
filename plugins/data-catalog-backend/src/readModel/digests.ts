import { createHash } from 'node:crypto';
import { ReadModel } from './types';

/** What a district's gap answers depend on, hashed. */
export interface ReadModelDigests {
  /** The elements and indicators: a change to either changes every answer. */
  vocabulary: string;
  /** Per district or BOCES: its record and the sources it owns. */
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

  return {
    vocabulary: hash([model.elements, model.indicators]),
    districts: new Map(
      model.districts.map(district => [
        district.ref,
        hash([district, sourcesOf.get(district.ref) ?? []]),
      ]),
    ),
  };
}
