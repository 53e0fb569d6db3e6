import { performance } from 'node:perf_hooks';

/**
 * Milliseconds a call took, with what it returned. `cpuMs` is the CPU time
 * this process spent meanwhile: on a busy machine it grows less than the
 * elapsed time, and it leaves out the PostgreSQL server's own work.
 */
export async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** A sample of timings, summarized. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

// Nearest rank: with 50 samples the 95th percentile is the 48th smallest,
// a sample actually seen rather than an interpolation between two.
function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/** Median, 95th percentile and range of timings in milliseconds. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Peak resident set size of the process so far, in MiB. */
export function peakRssMiB(): number {
  // maxRSS is in kibibytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** Resident set size of the process now, in MiB. */
export function currentRssMiB(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/**
 * Heap in use after a full garbage collection, in MiB; undefined unless
 * node runs with --expose-gc, as the package's bench script does.
 */
export function heapAfterGcMiB(): number | undefined {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) {
    return undefined;
  }
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
