import { Dataset } from '../events/runEvent';
import { DatasetPattern, datasetId } from './datasetPatterns';

/** A DataSource and the datasets its annotation claims. */
export interface DatasetClaim {
  /** The DataSource's entity reference, in lower case. */
  sourceRef: string;
  patterns: DatasetPattern[];
}

/** Which DataSource a dataset is, if any one. */
export type DatasetMatch =
  | { status: 'matched'; sourceRef: string }
  | { status: 'unknown' }
  | { status: 'ambiguous'; sourceRefs: string[] };

/**
 * Finds the DataSource a dataset belongs to. The most specific claim wins:
 * an exact identifier over any prefix, a longer prefix over a shorter one,
 * so that a warehouse can claim its whole namespace and a source inside it
 * its own tables. Two sources with equally specific claims make the
 * dataset ambiguous: the catalog cannot tell which one it is, so it is
 * reported rather than guessed.
 */
export class DatasetMatcher {
  private readonly exact = new Map<string, Set<string>>();
  private readonly prefixes: Array<{ prefix: string; sourceRef: string }> = [];

  constructor(claims: DatasetClaim[]) {
    for (const { sourceRef, patterns } of claims) {
      for (const pattern of patterns) {
        if (pattern.kind === 'exact') {
          const owners = this.exact.get(pattern.id) ?? new Set();
          owners.add(sourceRef);
          this.exact.set(pattern.id, owners);
        } else {
          this.prefixes.push({ prefix: pattern.prefix, sourceRef });
        }
      }
    }
  }

  match(dataset: Dataset): DatasetMatch {
    const id = datasetId(dataset);

    const exact = this.exact.get(id);
    if (exact) {
      return decide([...exact]);
    }

    let longest = -1;
    let owners = new Set<string>();
    for (const { prefix, sourceRef } of this.prefixes) {
      if (!id.startsWith(prefix) || prefix.length < longest) {
        continue;
      }
      if (prefix.length > longest) {
        longest = prefix.length;
        owners = new Set();
      }
      owners.add(sourceRef);
    }
    return decide([...owners]);
  }
}

function decide(sourceRefs: string[]): DatasetMatch {
  if (sourceRefs.length === 0) {
    return { status: 'unknown' };
  }
  if (sourceRefs.length === 1) {
    return { status: 'matched', sourceRef: sourceRefs[0] };
  }
  return { status: 'ambiguous', sourceRefs: sourceRefs.sort() };
}
