import { Entity } from '@backstage/catalog-model';
import { SeededRandom } from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import {
  DatabaseReadModelStore,
  ReadModelStore,
} from '../src/database/ReadModelStore';
import { GapStatusStore } from '../src/database/GapStatusStore';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { noCorrections } from '../src/gaps/CorrectionProvider';
import { GapService } from '../src/gaps/GapService';
import { LineageService } from '../src/lineage/LineageService';
import { buildReadModel } from '../src/readModel/buildReadModel';
import { ReadModel } from '../src/readModel/types';
import {
  currentRssMiB,
  heapAfterGcMiB,
  peakRssMiB,
  summarize,
  Summary,
  timed,
} from './stats';

/** A lineage sample: how long it took and how big the answer was. */
export interface LineageResult {
  timing: Summary;
  /** CPU time of this process; see {@link timed}. */
  cpu: Summary;
  medianNodes: number;
  /** Share of answers the node limit cut short. */
  truncatedShare: number;
}

/** The size of an answer as JSON, and the time to write it. */
export interface AnswerSize {
  kib: number;
  stringifyMs: number;
}

/** Everything measured on one database. */
export interface DatabaseResult {
  version: string;
  migrationsMs: number;
  buildMs: number;
  replaceMs: number;
  /** buildReadModel and store.replace together: the full refresh. */
  refreshMs: number;
  /**
   * The first district asked of a new GapService, which reads the
   * vocabulary too; right after the refresh.
   */
  gapsFirstCallMs: number;
  /** Further districts, each asked once; right after the refresh. */
  gapsCold: Summary;
  /** ANALYZE of the whole database after the refresh. */
  analyzeMs: number;
  /** The same two after ANALYZE, on other districts and a new service. */
  gapsFirstCallAnalyzedMs: number;
  gapsColdAnalyzed: Summary;
  /** CPU time of this process; see {@link timed}. */
  gapsColdAnalyzedCpu: Summary;
  /** One district's answer as the router would send it. */
  districtAnswer: AnswerSize;
  matrixCold: Summary;
  /** CPU time of this process; see {@link timed}. */
  matrixColdCpu: Summary;
  /**
   * Heap a GapService keeps after answering the matrix once, measured
   * after garbage collection; only when run with --expose-gc.
   */
  matrixRetainedMiB?: number;
  /** The matrix asked again of the same service, answered from its cache. */
  matrixCached: Summary;
  /**
   * The matrix of a new service (another replica, a restart) that finds
   * every district's statuses stored by the first.
   */
  matrixFromStored: Summary;
  /**
   * The matrix after a refresh that changed one source: the warm service
   * recomputes that source's district only.
   */
  matrixAfterOneChange: Summary;
  /** store.replace of a model that differs from the stored one by a source. */
  replaceOneChange: Summary;
  lineageFromSource: LineageResult;
  lineageFromIndicator: LineageResult;
  /** Resident set size after each phase, for where the memory goes. */
  rssMiB: {
    afterRefreshAndGaps: number;
    afterMatrix: number;
    afterLineage: number;
  };
  /** Peak resident set size of the whole process so far. */
  peakRssMiB: number;
}

/** How many samples to take of each measurement. */
export interface SampleCounts {
  samples: number;
  matrixSamples: number;
}

const LINEAGE = { depth: 5, limit: 500 };

function progress(message: string) {
  process.stderr.write(`  ${message}\n`);
}

/**
 * One district's gaps from a new GapService: the first call, which reads
 * the vocabulary too, then `samples` further districts, each asked once.
 */
async function districtGaps(
  store: ReadModelStore,
  districts: string[],
  samples: number,
): Promise<{
  firstMs: number;
  cold: Summary;
  coldCpu: Summary;
  answer: AnswerSize;
}> {
  const gaps = new GapService(store, noCorrections);
  const first = await timed(() => gaps.districtGaps(districts[0]));
  const times: number[] = [];
  const cpu: number[] = [];
  for (const district of districts.slice(1, samples + 1)) {
    const sample = await timed(() => gaps.districtGaps(district));
    times.push(sample.ms);
    cpu.push(sample.cpuMs);
  }
  // The router sends the answer as JSON, which the timings above leave out.
  const json = await timed(() => JSON.stringify(first.value));
  return {
    firstMs: first.ms,
    cold: summarize(times),
    coldCpu: summarize(cpu),
    answer: { kib: json.value.length / 1024, stringifyMs: json.ms },
  };
}

async function lineageSamples(
  lineage: LineageService,
  roots: string[],
  direction: 'both' | 'upstream',
): Promise<LineageResult> {
  const times: number[] = [];
  const cpu: number[] = [];
  const nodes: number[] = [];
  let truncated = 0;
  for (const root of roots) {
    const { ms, cpuMs, value } = await timed(() =>
      lineage.lineage(root, { direction, ...LINEAGE }),
    );
    times.push(ms);
    cpu.push(cpuMs);
    nodes.push(value.nodes.length);
    truncated += value.truncated > 0 ? 1 : 0;
  }
  return {
    timing: summarize(times),
    cpu: summarize(cpu),
    medianNodes: summarize(nodes).median,
    truncatedShare: truncated / roots.length,
  };
}

/**
 * Runs every measurement on one empty database: migrations, the full
 * refresh, district gaps, the regional matrix and lineage. Samples are
 * drawn with the seeded `random`, so two runs ask the same questions.
 */
export async function runScenarios(
  knex: Knex,
  version: string,
  entities: Entity[],
  random: SeededRandom,
  counts: SampleCounts,
): Promise<DatabaseResult> {
  const migrations = await timed(() => applyDatabaseMigrations(knex));
  progress(`migrations ${migrations.ms.toFixed(0)} ms`);

  const store = new DatabaseReadModelStore(knex);
  const built = await timed<ReadModel>(() => buildReadModel(entities));
  const replaced = await timed(() => store.replace(built.value, 'bench'));
  const model = built.value;
  progress(`full refresh ${(built.ms + replaced.ms).toFixed(0)} ms`);

  const districts = random
    .shuffle(model.districts.filter(d => d.type === 'district'))
    .map(d => d.ref);
  const fresh = await districtGaps(store, districts, counts.samples);
  progress(`district gaps: ${fresh.cold.n} samples`);
  const afterRefresh = currentRssMiB();

  // PostgreSQL plans the first queries after a bulk load without table
  // statistics, until autovacuum gets to the tables; ANALYZE does it now,
  // so that what follows measures the steady state on both databases.
  const analyze = await timed(() => knex.raw('analyze'));
  // A new service has answered nothing yet, so any district is cold for
  // it; other districts are asked first all the same.
  const steady = await districtGaps(
    store,
    [...districts.slice(fresh.cold.n + 1), ...districts],
    counts.samples,
  );
  progress(`district gaps after ANALYZE: ${steady.cold.n} samples`);

  const matrixCold: number[] = [];
  const matrixCpu: number[] = [];
  const matrixCached: number[] = [];
  let matrixRetainedMiB: number | undefined;
  // Keeps each sample's service alive until its heap has been measured.
  const kept: GapService[] = [];
  for (let i = 0; i < counts.matrixSamples; i++) {
    kept.length = 0;
    const heapBefore = heapAfterGcMiB();
    const service = new GapService(store, noCorrections);
    kept.push(service);
    const cold = await timed(() => service.regionMatrix());
    matrixCold.push(cold.ms);
    matrixCpu.push(cold.cpuMs);
    matrixCached.push((await timed(() => service.regionMatrix())).ms);
    // After the timings: a forced collection leaves sweeping work behind
    // that would slow down whatever is timed next.
    const heapAfter = heapAfterGcMiB();
    if (i === 0 && heapBefore !== undefined && heapAfter !== undefined) {
      matrixRetainedMiB = heapAfter - heapBefore;
    }
    progress(`matrix sample ${i + 1}: ${cold.ms.toFixed(0)} ms`);
  }
  kept.length = 0;

  // One service computes and stores every district's statuses; new ones
  // on the same database then only read them.
  const statusStore = new GapStatusStore(knex);
  const storing = new GapService(store, noCorrections, { statusStore });
  await storing.regionMatrix();
  const matrixFromStored: number[] = [];
  for (let i = 0; i < counts.matrixSamples; i++) {
    const replica = new GapService(store, noCorrections, { statusStore });
    matrixFromStored.push((await timed(() => replica.regionMatrix())).ms);
  }
  progress('matrix from stored statuses done');

  // A refresh that retires one source, district after district, asked of
  // the warm service each time.
  const matrixAfterOneChange: number[] = [];
  const changedSources = random
    .shuffle(model.sources.filter(s => s.lifecycle === 'production'))
    .slice(0, counts.matrixSamples);
  const replaceOneChange: number[] = [];
  for (const [i, source] of changedSources.entries()) {
    source.lifecycle = 'retired';
    replaceOneChange.push(
      (await timed(() => store.replace(model, `bench-change-${i}`))).ms,
    );
    matrixAfterOneChange.push((await timed(() => storing.regionMatrix())).ms);
  }
  progress('matrix after one change done');
  const afterMatrix = currentRssMiB();

  const lineage = new LineageService(store);
  const sourceRoots = random
    .shuffle(model.sources.map(s => s.ref))
    .slice(0, counts.samples);
  const indicatorRoots = random
    .shuffle(model.indicators.map(i => i.ref))
    .slice(0, counts.samples);
  const fromSource = await lineageSamples(lineage, sourceRoots, 'both');
  const fromIndicator = await lineageSamples(
    lineage,
    indicatorRoots,
    'upstream',
  );
  progress('lineage done');

  return {
    version,
    migrationsMs: migrations.ms,
    buildMs: built.ms,
    replaceMs: replaced.ms,
    refreshMs: built.ms + replaced.ms,
    gapsFirstCallMs: fresh.firstMs,
    gapsCold: fresh.cold,
    analyzeMs: analyze.ms,
    gapsFirstCallAnalyzedMs: steady.firstMs,
    gapsColdAnalyzed: steady.cold,
    gapsColdAnalyzedCpu: steady.coldCpu,
    districtAnswer: steady.answer,
    matrixCold: summarize(matrixCold),
    matrixColdCpu: summarize(matrixCpu),
    matrixCached: summarize(matrixCached),
    matrixFromStored: summarize(matrixFromStored),
    matrixAfterOneChange: summarize(matrixAfterOneChange),
    replaceOneChange: summarize(replaceOneChange),
    matrixRetainedMiB,
    lineageFromSource: fromSource,
    lineageFromIndicator: fromIndicator,
    rssMiB: {
      afterRefreshAndGaps: afterRefresh,
      afterMatrix,
      afterLineage: currentRssMiB(),
    },
    peakRssMiB: peakRssMiB(),
  };
}
