/*
 * Figures of a reliability run: per route, the count, errors and latency
 * percentiles; for a fault run, how the backend answered while PostgreSQL
 * was down and how soon after it came back requests succeeded again.
 */

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return undefined;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

function latency(samples) {
  const ms = samples.map(s => s.ms).sort((a, b) => a - b);
  return {
    count: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1],
  };
}

const isError = s => s.status === 0 || s.status >= 500;
// A stale write (409) is the defined answer to two writers on one version;
// a run has one writer per source, so it should not happen either.
const isFailure = s => isError(s) || (s.status >= 400 && s.status !== 404);

function byRoute(samples) {
  const routes = new Map();
  for (const sample of samples) {
    routes.set(sample.route, [...(routes.get(sample.route) ?? []), sample]);
  }
  return [...routes].map(([route, list]) => ({
    route,
    ...latency(list),
    errors: list.filter(isFailure).length,
  }));
}

/** During the outage: what the failures said and how fast they came. */
function outageFigures(samples, outage) {
  if (!outage.stoppedAt) {
    return {};
  }
  const during = samples.filter(
    s => s.at >= outage.stoppedAt && s.at <= outage.startedAt,
  );
  const failures = during.filter(isFailure);
  const statuses = {};
  for (const s of failures) {
    statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  }
  const messages = [
    ...new Set(failures.map(s => s.body?.error?.message).filter(Boolean)),
  ].slice(0, 3);
  const firstOk = samples
    .filter(s => s.at > outage.startedAt && !isFailure(s))
    .sort((a, b) => a.at - b.at)[0];
  // Failures that started after the restart and still failed.
  const lateFailures = samples.filter(
    s => s.at - s.ms > outage.startedAt + 5000 && isFailure(s),
  ).length;
  return {
    outageMs: outage.startedAt - outage.stoppedAt,
    duringOutage: during.length,
    failedDuringOutage: failures.length,
    statuses,
    messages,
    failureLatency: latency(failures),
    recoveredAfterMs: firstOk ? firstOk.at - outage.startedAt : undefined,
    failuresFiveSecondsAfterRestart: lateFailures,
  };
}

function summarize(run) {
  const { samples } = run;
  return {
    mode: run.mode,
    seconds: run.seconds,
    readers: run.readers,
    writers: run.writers,
    requests: samples.length,
    errors: samples.filter(isFailure).length,
    routes: byRoute(samples),
    acknowledgedWrites: run.acknowledged,
    missingWrites: run.missing.length,
    missing: run.missing.slice(0, 5),
    ...outageFigures(samples, run.outage),
  };
}

module.exports = { summarize, percentile };
