#!/usr/bin/env node
/*
 * Load and fault runs against a data catalog backend on this machine. It
 * holds a number of concurrent readers on the gap, matrix and lineage
 * routes and writers on the annotation routes for a bounded time, then
 * checks that every annotation the backend acknowledged is there, word for
 * word. In fault mode it stops PostgreSQL part way through and starts it
 * again, and reports how the backend answered meanwhile and how soon it
 * recovered. Only loopback addresses are accepted as targets.
 *
 *   node scripts/reliability/run.js --mode load --seconds 30
 *   node scripts/reliability/run.js --mode fault --seconds 30
 *
 * scripts/reliability.sh starts a backend on PostgreSQL and runs both.
 */
const { execFileSync } = require('node:child_process');
const { parseArgs } = require('node:util');
const { summarize } = require('./stats');
const { writeReport } = require('./report');

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:7007' },
    mode: { type: 'string', default: 'load' },
    seconds: { type: 'string', default: '30' },
    readers: { type: 'string', default: '50' },
    writers: { type: 'string', default: '10' },
    'outage-at': { type: 'string', default: '8' },
    'outage-seconds': { type: 'string', default: '8' },
    out: { type: 'string' },
  },
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const base = new URL(args.base);
if (!LOOPBACK.has(base.hostname)) {
  process.stderr.write(`refusing ${args.base}: only loopback targets\n`);
  process.exit(2);
}
const api = `${base.origin}/api/data-catalog`;
const seconds = Math.min(Number(args.seconds), 300);
const readerCount = Math.min(Number(args.readers), 200);
const writerCount = Math.min(Number(args.writers), 13);
// Every request has a deadline, so a hung backend cannot hang the run.
const REQUEST_TIMEOUT_MS = 20_000;

const DISTRICT = 'group:default/alder-creek';
const SIS = 'datasource:default/alder-creek-sis';

async function signIn() {
  const response = await fetch(`${base.origin}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`guest sign-in failed: HTTP ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}

async function call(token, path, init = {}) {
  const started = performance.now();
  let status = 0;
  let body;
  try {
    const response = await fetch(`${api}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch (error) {
    body = { error: { message: String(error.message ?? error) } };
  }
  return { status, body, ms: performance.now() - started, at: Date.now() };
}

/** The read routes, with real refs from the running catalog. */
async function readRoutes(token) {
  const enc = encodeURIComponent;
  const matrix = await call(token, '/region/matrix');
  if (matrix.status !== 200) {
    throw new Error(
      `the matrix answered ${matrix.status}; is the catalog loaded?`,
    );
  }
  const indicator = matrix.body.indicators[0].ref.split(':')[1];
  return [
    { name: 'district gaps', path: `/districts/${enc(DISTRICT)}/gaps` },
    { name: 'region matrix', path: '/region/matrix' },
    {
      name: 'lineage depth 3',
      path: `/lineage/datasource/${SIS.split(':')[1]}?depth=3`,
    },
    {
      name: 'lineage depth 5',
      path: `/lineage/indicator/${indicator}?depth=5&direction=upstream`,
    },
  ];
}

/** Sources the guest may annotate: Alder Creek's, one per writer. */
async function writableSources(token) {
  const response = await fetch(
    `${base.origin}/api/catalog/entities?filter=kind=datasource`,
    {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    },
  );
  const entities = await response.json();
  return entities
    .filter(e => /(^|[:/])alder-creek$/.test(e.spec?.district ?? ''))
    .map(e => `datasource:default/${e.metadata.name}`)
    .sort()
    .slice(0, writerCount);
}

async function reader(token, routes, offset, deadline, record) {
  for (let i = offset; Date.now() < deadline; i++) {
    const route = routes[i % routes.length];
    const result = await call(token, route.path);
    record({ route: route.name, ...result });
  }
}

// Reads the annotation, writes the next note on the version it read, and
// keeps what the backend acknowledged.
async function writer(token, source, run, deadline, record, acknowledged) {
  const path = `/annotations/sources/${source.split(':')[1]}`;
  for (let n = 1; Date.now() < deadline; n++) {
    const current = await call(token, path);
    record({ route: 'annotation read', ...current });
    if (current.status !== 200) {
      continue;
    }
    const notes = `reliability ${run} ${source} write ${n}`;
    const saved = await call(token, path, {
      method: 'PUT',
      body: JSON.stringify({ version: current.body.version, notes }),
    });
    record({ route: 'annotation write', ...saved });
    if (saved.status === 200) {
      acknowledged.push({ source, notes, version: saved.body.version });
    }
  }
}

// The cluster scripts/reliability.sh made for the run, `15/reliability`.
function postgres(action) {
  const [version, cluster] = (process.env.RELIABILITY_PG_CLUSTER ?? '').split(
    '/',
  );
  if (!version || !cluster) {
    throw new Error('set RELIABILITY_PG_CLUSTER, as reliability.sh does');
  }
  const fast = action === 'stop' ? ['-m', 'fast'] : [];
  execFileSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', version, cluster, action, ...fast],
    { stdio: 'ignore' },
  );
}

/** Checks every acknowledged write against the history and the latest. */
async function verify(token, acknowledged) {
  const missing = [];
  const bySource = new Map();
  for (const write of acknowledged) {
    bySource.set(write.source, [...(bySource.get(write.source) ?? []), write]);
  }
  for (const [source, writes] of bySource) {
    const history = await call(
      token,
      `/history?subjectType=annotation&subjectId=${encodeURIComponent(
        `source:${source}`,
      )}&limit=1000`,
    );
    const kept = new Set(
      (history.body?.items ?? history.body ?? []).map(
        entry => `${entry.after?.version} ${entry.after?.notes}`,
      ),
    );
    const latest = await call(
      token,
      `/annotations/sources/${source.split(':')[1]}`,
    );
    const last = writes[writes.length - 1];
    for (const write of writes) {
      const inHistory = kept.has(`${write.version} ${write.notes}`);
      const isLatest =
        write === last &&
        latest.body?.notes === write.notes &&
        latest.body?.version === write.version;
      if (!inHistory && !isLatest) {
        missing.push(write);
      }
    }
    if (latest.body?.notes !== last.notes) {
      missing.push({ ...last, problem: 'not the latest annotation' });
    }
  }
  return missing;
}

async function main() {
  const run = `${args.mode}-${Date.now()}`;
  const token = await signIn();
  const routes = await readRoutes(token);
  const sources = await writableSources(token);
  const samples = [];
  const acknowledged = [];
  const record = sample => samples.push(sample);

  const started = Date.now();
  const deadline = started + seconds * 1000;
  const outage = {};
  const timers = [];
  if (args.mode === 'fault') {
    const at = Number(args['outage-at']) * 1000;
    const length = Number(args['outage-seconds']) * 1000;
    timers.push(
      setTimeout(() => {
        outage.stoppedAt = Date.now();
        postgres('stop');
      }, at),
      setTimeout(() => {
        postgres('start');
        outage.startedAt = Date.now();
      }, at + length),
    );
  }

  await Promise.all([
    ...Array.from({ length: readerCount }, (_, i) =>
      reader(token, routes, i, deadline, record),
    ),
    ...sources.map(source =>
      writer(token, source, run, deadline, record, acknowledged),
    ),
  ]);
  timers.forEach(clearTimeout);
  if (args.mode === 'fault' && !outage.startedAt) {
    postgres('start');
    outage.startedAt = Date.now();
  }

  const missing = await verify(token, acknowledged);
  const summary = summarize({
    mode: args.mode,
    seconds,
    readers: readerCount,
    writers: sources.length,
    samples,
    started,
    outage,
    acknowledged: acknowledged.length,
    missing,
  });
  writeReport(summary, args.out);
  const failed =
    missing.length > 0 ||
    (args.mode === 'load' && summary.errors > 0) ||
    (args.mode === 'fault' && !(summary.recoveredAfterMs < 30_000));
  process.exitCode = failed ? 1 : 0;
}

main().catch(error => {
  process.stderr.write(`reliability run failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
