import { OPENLINEAGE_DATASETS_ANNOTATION } from '@internal/plugin-data-catalog-common';
import { Dataset } from '../events/runEvent';

/** One entry of a DataSource's OpenLineage datasets annotation. */
export type DatasetPattern =
  | { kind: 'exact'; id: string }
  | { kind: 'prefix'; prefix: string };

/** `namespace/name`, the identifier the annotation's entries are written in. */
export function datasetId(dataset: Dataset): string {
  return `${dataset.namespace}/${dataset.name}`;
}

/**
 * Reads the annotation's entries. Returns the problems rather than throwing,
 * so that the caller can name the entity they belong to.
 */
export function parseDatasetPatterns(value: string): {
  patterns: DatasetPattern[];
  problems: string[];
} {
  const patterns: DatasetPattern[] = [];
  const problems: string[] = [];
  const entries = value
    .split(/[,\n]/)
    .map(entry => entry.trim())
    .filter(entry => entry !== '');

  for (const entry of entries) {
    const star = entry.indexOf('*');
    if (star === -1) {
      if (!isDatasetId(entry)) {
        problems.push(
          `"${entry}" is not a dataset identifier; expected namespace/name, or a prefix ending in *`,
        );
      } else {
        patterns.push({ kind: 'exact', id: entry });
      }
    } else if (star !== entry.length - 1) {
      problems.push(`"${entry}" has a * before its end; * may only end it`);
    } else if (entry.length === 1) {
      problems.push('"*" would match every dataset; name a namespace');
    } else {
      patterns.push({ kind: 'prefix', prefix: entry.slice(0, -1) });
    }
  }

  if (entries.length === 0) {
    problems.push('lists no dataset');
  }
  return { patterns, problems };
}

// A namespace is often a URI (`postgres://host:5432`): the name starts at
// the first slash after its authority, and neither side may be empty.
function isDatasetId(entry: string): boolean {
  const scheme = entry.indexOf('://');
  const rest = scheme === -1 ? entry : entry.slice(scheme + 3);
  const slash = rest.indexOf('/');
  return slash > 0 && slash < rest.length - 1;
}

/** The message a DataSource with a bad annotation is rejected with. */
export function describePatternProblems(
  entityRef: string,
  problems: string[],
): string {
  return `${entityRef} annotation ${OPENLINEAGE_DATASETS_ANNOTATION}: ${problems.join(
    '; ',
  )}`;
}
