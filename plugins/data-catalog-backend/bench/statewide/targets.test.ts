import { summarize } from '../stats';
import { LoadResult } from './loadCatalog';
import { Comparison, LineageComparison } from './questions';
import { checkTargets, MeasuredRuns, processingOverhead } from './targets';

function load(msPerEntity: number): LoadResult {
  return {
    entities: 1000,
    mutationMs: 100,
    stitchedMs: msPerEntity * 1000,
    entitiesPerSecond: 1000 / msPerEntity,
    msPerEntity,
  };
}

function comparison(plugin: number, baseline: number): Comparison {
  return {
    plugin: summarize([plugin]),
    baseline: summarize([baseline]),
    ratio: { median: baseline / plugin, p95: baseline / plugin },
    pluginSize: 1,
    baselineSize: 1,
  };
}

function lineage(
  depth: number,
  plugin: number,
  baseline: number,
): LineageComparison {
  return {
    from: 'source',
    direction: 'both',
    depth,
    limit: 500,
    ...comparison(plugin, baseline),
  };
}

function runs(overrides: {
  gapsMs?: number;
  lineage5Ms?: number;
  matrixMs?: number;
  ourMsPerEntity?: number;
  peakMiB?: number;
}): MeasuredRuns {
  return {
    dataCatalog: load(3),
    moduleOnly: load(overrides.ourMsPerEntity ?? 2.1),
    resources: load(2),
    questions: {
      refreshMs: 500,
      rewritesBefore: 0,
      refreshStartLagMs: 10,
      matrixFirstMs: 3000,
      matrix: summarize([overrides.matrixMs ?? 40]),
      gaps: {
        ...comparison(overrides.gapsMs ?? 5, 80),
        answerKiB: 10,
        available: { plugin: 10, pluginOrPartial: 20, presence: 30 },
      },
      lineage: [lineage(3, 2, 40), lineage(5, overrides.lineage5Ms ?? 4, 90)],
      baselineRequests: 10,
    },
    memory: {
      peakWhileLoadingMiB: 400,
      rssAfterLoadMiB: 300,
      peakWhileServingMiB: overrides.peakMiB ?? 450,
      peakMiB: overrides.peakMiB ?? 450,
    },
  };
}

const missed = (checks: ReturnType<typeof checkTargets>) =>
  checks.filter(c => !c.met).map(c => c.target);

describe('checkTargets', () => {
  it('meets every target within the limits', () => {
    const checks = checkTargets(runs({}));

    expect(missed(checks)).toEqual([]);
    expect(checks).toHaveLength(8);
  });

  it('names each target a run misses', () => {
    const checks = checkTargets(
      runs({
        gapsMs: 12,
        lineage5Ms: 10,
        matrixMs: 1000,
        ourMsPerEntity: 2.3,
        peakMiB: 600,
      }),
    );

    expect(missed(checks)).toEqual([
      'District gaps, p95 < 10 ms',
      'Lineage from sources, both, depth 5, p95 < 10 ms',
      'Regional matrix, p95 < 1 s (first after a refresh apart)',
      'District gaps ≥ 10× faster than the catalog API (median)',
      'Lineage from sources, depth 5, ≥ 10× faster than the catalog API (median)',
      'Processing time per entity ≤ 10% over as many Resources (module alone; with the plugin)',
      // 600 MiB is more than 600 MB.
      'Backend peak RSS < 600 MB (572 MiB), loading included',
    ]);
  });

  it('measures the processing overhead per entity against Resources', () => {
    const overhead = processingOverhead(runs({ ourMsPerEntity: 2.5 }));

    expect(overhead.moduleOnly).toBeCloseTo(0.25);
    expect(overhead.withPlugin).toBeCloseTo(0.5);
  });
});
