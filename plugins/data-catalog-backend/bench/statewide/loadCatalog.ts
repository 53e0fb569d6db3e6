import { performance } from 'node:perf_hooks';
import { ChildBackend } from './childBackend';
import { CatalogProgress } from './protocol';

/** How the catalog took in one full mutation of the generated entities. */
export interface LoadResult {
  entities: number;
  /** The provider's `applyMutation`: the rows written, nothing processed. */
  mutationMs: number;
  /**
   * From the mutation's start until every entity was processed and
   * stitched, with nothing left in the stitch queue.
   */
  stitchedMs: number;
  entitiesPerSecond: number;
  /** `stitchedMs` per entity. */
  msPerEntity: number;
}

const POLL_MS = 250;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** True once every entity has its final, stitched form. */
export function isStitched(progress: CatalogProgress, expected: number) {
  return (
    progress.entities >= expected &&
    progress.stitched >= expected &&
    progress.stitchQueue === 0
  );
}

/**
 * True when the catalog has nothing left to do but some entities have
 * no final form: they were rejected, and would only be tried again after
 * the processing interval.
 */
export function isStalled(progress: CatalogProgress, expected: number) {
  return (
    progress.entities >= expected &&
    progress.processed + progress.withErrors >= progress.entities &&
    progress.stitchQueue === 0 &&
    progress.withErrors > 0 &&
    progress.stitched < expected
  );
}

/**
 * Hands the catalog its entities and polls its tables until all of them
 * are stitched; fails, with the catalog's own errors, if some are
 * rejected or the time runs out.
 */
export async function loadCatalog(
  backend: ChildBackend,
  expected: number,
  timeoutMs: number,
): Promise<LoadResult> {
  const started = performance.now();
  const { mutationMs, entities } = await backend.load();
  if (entities !== expected) {
    throw new Error(
      `The provider held ${entities} entities; expected ${expected}`,
    );
  }

  let stalledPolls = 0;
  let lastReport = performance.now();
  for (;;) {
    const progress = await backend.progress();
    const elapsed = performance.now() - started;
    if (isStitched(progress, expected)) {
      return {
        entities,
        mutationMs,
        stitchedMs: elapsed,
        entitiesPerSecond: entities / (elapsed / 1000),
        msPerEntity: elapsed / entities,
      };
    }
    // Several polls in a row, so that an entity between two steps of the
    // catalog's pipeline is not taken for a rejected one.
    stalledPolls = isStalled(progress, expected) ? stalledPolls + 1 : 0;
    if (stalledPolls >= 8 || elapsed > timeoutMs) {
      throw new Error(
        `${
          expected - progress.stitched
        } of ${expected} entities were not stitched after ${Math.round(
          elapsed / 1000,
        )} s (${progress.withErrors} with errors): ${progress.sampleErrors.join(
          '; ',
        )}`,
      );
    }
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      process.stderr.write(
        `    ${Math.round(elapsed / 1000)} s: ${
          progress.processed
        } processed, ${progress.stitched} stitched, ${
          progress.stitchQueue
        } to stitch\n`,
      );
    }
    await sleep(POLL_MS);
  }
}
