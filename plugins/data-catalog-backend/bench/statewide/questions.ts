import { performance } from 'node:perf_hooks';
import { summarize, Summary } from '../stats';
import { BackendApi, HttpError } from './api';
import { byRefs, catalogGaps, catalogLineage } from './catalogBaseline';

/** The plugin against the catalog API on the same questions. */
export interface Comparison {
  plugin: Summary;
  baseline: Summary;
  /** Baseline over plugin, at the median and at the 95th percentile. */
  ratio: { median: number; p95: number };
  /** Median size of the answers: nodes for lineage, indicators for gaps. */
  pluginSize: number;
  baselineSize: number;
}

/** One lineage question, asked from many roots. */
export interface LineageComparison extends Comparison {
  from: 'source' | 'indicator';
  direction: 'both' | 'upstream';
  depth: number;
  limit: number;
}

/** Everything measured over HTTP once the catalog is stitched. */
export interface QuestionResults {
  /**
   * The plugin's read model refresh: from the scheduler showing the task
   * running until it shows it finished, polled every 100 ms.
   */
  refreshMs: number;
  /**
   * The same refresh as the plugin logs it, if it rewrote the model;
   * undefined if an earlier run (one the plugin started on the catalog's
   * change announcements) had already read the whole catalog.
   */
  refreshRewriteMs?: number;
  /** Refreshes that rewrote the model before the timed one. */
  rewritesBefore: number;
  /** From the trigger until the scheduler started the task. */
  refreshStartLagMs: number;
  /**
   * The first regional matrix after the refresh: it computes every
   * district's gaps, or waits for the warm-up task doing so.
   */
  matrixFirstMs: number;
  matrix: Summary;
  gaps: Comparison & {
    answerKiB: number;
    /**
     * Median indicators available per district: by the plugin's rules,
     * with the partial ones, and by presence alone. Presence is needed
     * for available, so the last is never below the first.
     */
    available: { plugin: number; pluginOrPartial: number; presence: number };
  };
  lineage: LineageComparison[];
  /** Requests the baselines made, in all. */
  baselineRequests: number;
}

/** The roots and districts to ask about, drawn by the caller. */
export interface QuestionPlan {
  districts: string[];
  sources: string[];
  indicators: string[];
  matrixSamples: number;
}

const LIMIT = 500;
const READ_MODEL_TASK = 'data-catalog-read-model-refresh';
const TASKS = '/api/data-catalog/.backstage/scheduler/v1/tasks';

function progress(message: string) {
  process.stderr.write(`    ${message}\n`);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

interface TaskState {
  status: 'running' | 'idle';
  lastRunEndedAt?: string;
  lastRunError?: string;
}

async function refreshTaskState(api: BackendApi): Promise<TaskState | null> {
  const { body } = await api.get<{
    tasks: Array<{ taskId: string; taskState: TaskState | null }>;
  }>(TASKS);
  return body.tasks.find(t => t.taskId === READ_MODEL_TASK)?.taskState ?? null;
}

/**
 * Triggers the read model refresh through the scheduler's own route and
 * times it by polling the task's state. Another run may be under way (at
 * start-up, or one the plugin starts when the catalog announces changes,
 * which may have read the catalog half stitched): the timed run is the
 * one that starts after it, once the whole catalog is stitched.
 */
async function refreshReadModel(
  api: BackendApi,
  expectedDistricts: number,
  timeoutMs: number,
  rewrites: () => number[],
): Promise<{
  ms: number;
  lagMs: number;
  rewriteMs?: number;
  rewritesBefore: number;
}> {
  const deadline = Date.now() + timeoutMs;
  const poll = async () => {
    if (Date.now() > deadline) {
      throw new Error(`The read model refresh did not end in ${timeoutMs} ms`);
    }
    await sleep(100);
    return refreshTaskState(api);
  };

  let state = await refreshTaskState(api);
  let triggered: number | undefined;
  let before: string | undefined;
  let rewritesBefore = 0;
  while (triggered === undefined) {
    while (state?.status === 'running') {
      state = await poll();
    }
    before = state?.lastRunEndedAt;
    rewritesBefore = rewrites().length;
    try {
      triggered = performance.now();
      await api.post(`${TASKS}/${READ_MODEL_TASK}/trigger`);
    } catch (error) {
      // 409: a run started between the poll and the trigger.
      if ((error as HttpError).status !== 409) {
        throw error;
      }
      triggered = undefined;
      state = await poll();
    }
  }

  let started: number | undefined;
  for (;;) {
    state = await poll();
    const now = performance.now();
    if (state?.status === 'running') {
      started ??= now;
      continue;
    }
    // SQLite keeps the end time to the second: a run seen running that
    // is idle again has ended, whatever the time says.
    const ended =
      started !== undefined ||
      (state?.lastRunEndedAt !== undefined && state.lastRunEndedAt !== before);
    if (!ended) {
      continue;
    }
    if (state?.lastRunError) {
      throw new Error(`The read model refresh failed: ${state.lastRunError}`);
    }
    // A run shorter than one poll was never seen running.
    started ??= now;
    const { body } = await api.get<{ items: Array<{ type: string }> }>(
      '/api/data-catalog/districts',
    );
    const districts = body.items.filter(d => d.type === 'district').length;
    if (districts !== expectedDistricts) {
      throw new Error(
        `The read model holds ${districts} districts after its refresh; expected ${expectedDistricts}`,
      );
    }
    // The log line may trail the task's end by a moment.
    await sleep(500);
    return {
      ms: now - started,
      lagMs: started - triggered,
      rewriteMs: rewrites()[rewritesBefore],
      rewritesBefore,
    };
  }
}

const path = (ref: string) => {
  const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(ref)!;
  return `${kind}/${namespace}/${name}`;
};

function compare(
  plugin: number[],
  baseline: number[],
  pluginSizes: number[],
  baselineSizes: number[],
): Comparison {
  const p = summarize(plugin);
  const b = summarize(baseline);
  return {
    plugin: p,
    baseline: b,
    ratio: { median: b.median / p.median, p95: b.p95 / p.p95 },
    pluginSize: summarize(pluginSizes).median,
    baselineSize: summarize(baselineSizes).median,
  };
}

async function lineageQuestion(
  api: BackendApi,
  roots: string[],
  question: Omit<LineageComparison, keyof Comparison>,
  counter: { baselineRequests: number },
): Promise<LineageComparison> {
  const fetchEntities = byRefs(api);
  const times = { plugin: [] as number[], baseline: [] as number[] };
  const sizes = { plugin: [] as number[], baseline: [] as number[] };
  const { direction, depth, limit } = question;

  // Each root asked of both, one after the other, so that a change in
  // the machine's load falls on both alike.
  for (const root of roots) {
    const answer = await api.get<{ nodes: unknown[] }>(
      `/api/data-catalog/lineage/${path(
        root,
      )}?direction=${direction}&depth=${depth}&limit=${limit}`,
    );
    times.plugin.push(answer.ms);
    sizes.plugin.push(answer.body.nodes.length);

    const before = api.requests;
    const started = performance.now();
    const walked = await catalogLineage(fetchEntities, root, {
      direction,
      depth,
      limit,
    });
    times.baseline.push(performance.now() - started);
    sizes.baseline.push(walked.nodes.size);
    counter.baselineRequests += api.requests - before;
  }
  progress(
    `lineage from ${question.from}s, ${direction}, depth ${depth}: ${roots.length} roots`,
  );
  return {
    ...question,
    ...compare(times.plugin, times.baseline, sizes.plugin, sizes.baseline),
  };
}

/**
 * Refreshes the plugin's read model, then asks the plugin and the catalog
 * API the same questions: the regional matrix, each district's gaps, and
 * lineage at depth 3 and 5 from sources (both ways) and indicators
 * (upstream).
 */
export async function askQuestions(
  api: BackendApi,
  plan: QuestionPlan,
  options: {
    expectedDistricts: number;
    timeoutMs: number;
    /** The refreshes that rewrote the model so far, from the log. */
    rewrites: () => number[];
  },
): Promise<QuestionResults> {
  const refresh = await refreshReadModel(
    api,
    options.expectedDistricts,
    options.timeoutMs,
    options.rewrites,
  );
  const { rewriteMs: refreshRewriteMs, rewritesBefore } = refresh;
  progress(
    `read model refreshed in ${refresh.ms.toFixed(0)} ms (${
      refreshRewriteMs === undefined
        ? 'already up to date'
        : `rewritten in ${refreshRewriteMs} ms`
    }, ${rewritesBefore} rewrites before)`,
  );

  const matrixFirst = await api.get('/api/data-catalog/region/matrix');
  progress(`first matrix ${matrixFirst.ms.toFixed(0)} ms`);
  const counter = { baselineRequests: 0 };

  const gapTimes = { plugin: [] as number[], baseline: [] as number[] };
  const gapSizes = { plugin: [] as number[], baseline: [] as number[] };
  let answerBytes = 0;
  const available = {
    plugin: [] as number[],
    pluginOrPartial: [] as number[],
    presence: [] as number[],
  };
  for (const district of plan.districts) {
    // What the district gap view asks for; an opened indicator is asked
    // for whole, separately.
    const answer = await api.get<{
      results: unknown[];
      summary: { total: { available: number; partial: number } };
    }>(
      `/api/data-catalog/districts/${encodeURIComponent(
        district,
      )}/gaps?detail=summary`,
    );
    const { total } = answer.body.summary;
    available.plugin.push(total.available);
    available.pluginOrPartial.push(total.available + total.partial);
    gapTimes.plugin.push(answer.ms);
    gapSizes.plugin.push(answer.body.results.length);
    answerBytes = Math.max(answerBytes, answer.bytes);

    const before = api.requests;
    const started = performance.now();
    const judged = await catalogGaps(api, district);
    gapTimes.baseline.push(performance.now() - started);
    gapSizes.baseline.push(judged.length);
    available.presence.push(
      judged.filter(j => j.status === 'available').length,
    );
    counter.baselineRequests += api.requests - before;
  }
  progress(`district gaps: ${plan.districts.length} districts`);

  const matrix: number[] = [];
  for (let i = 0; i < plan.matrixSamples; i++) {
    matrix.push((await api.get('/api/data-catalog/region/matrix')).ms);
  }
  progress(`matrix: ${matrix.length} samples`);

  const lineage: LineageComparison[] = [];
  for (const depth of [3, 5]) {
    lineage.push(
      await lineageQuestion(
        api,
        plan.sources,
        { from: 'source', direction: 'both', depth, limit: LIMIT },
        counter,
      ),
    );
  }
  for (const depth of [3, 5]) {
    lineage.push(
      await lineageQuestion(
        api,
        plan.indicators,
        { from: 'indicator', direction: 'upstream', depth, limit: LIMIT },
        counter,
      ),
    );
  }

  return {
    refreshMs: refresh.ms,
    refreshRewriteMs,
    rewritesBefore,
    refreshStartLagMs: refresh.lagMs,
    matrixFirstMs: matrixFirst.ms,
    matrix: summarize(matrix),
    gaps: {
      ...compare(
        gapTimes.plugin,
        gapTimes.baseline,
        gapSizes.plugin,
        gapSizes.baseline,
      ),
      answerKiB: answerBytes / 1024,
      available: {
        plugin: summarize(available.plugin).median,
        pluginOrPartial: summarize(available.pluginOrPartial).median,
        presence: summarize(available.presence).median,
      },
    },
    lineage,
    baselineRequests: counter.baselineRequests,
  };
}
