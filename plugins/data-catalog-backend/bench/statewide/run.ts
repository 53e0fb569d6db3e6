import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  generateRegion,
  seededRandom,
} from '@internal/plugin-data-catalog-common/testUtils';
import knexFactory from 'knex';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseKind, redactUrl } from '../options';
import { Machine } from '../report';
import { timed } from '../stats';
import { BackendApi } from './api';
import { backendConfig } from './backendConfig';
import { backendDatabase } from './backendDatabase';
import { ChildBackend, freePort } from './childBackend';
import { loadCatalog, LoadResult } from './loadCatalog';
import {
  parseStatewideOptions,
  StatewideOptions,
  StatewideUsageError,
} from './options';
import { BackendMode } from './protocol';
import { askQuestions, QuestionPlan, QuestionResults } from './questions';
import {
  StatewideCatalog,
  StatewideDatabaseResult,
  StatewideReport,
  toStatewideMarkdown,
} from './report';
import { toResourceEntities } from './resources';
import { BackendMemory, checkTargets, processingOverhead } from './targets';

/*
 * The statewide benchmark: loads a generated region into Backstage's real
 * catalog with the data catalog's module, refreshes the plugin's read
 * model, and times the plugin's answers against the same questions asked
 * of the catalog API; then loads as many built-in Resources into a plain
 * catalog to compare processing. On SQLite and PostgreSQL. See the
 * README's "Statewide benchmark" section.
 */

function commandLine(options: StatewideOptions, argv: string[]): string {
  const shown = argv.map(arg =>
    /^postgres(ql)?:\/\//.test(arg) ? redactUrl(arg) : arg,
  );
  const env =
    options.pgUrl && !argv.some(arg => arg.startsWith('--pg-url'))
      ? `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${redactUrl(
          options.pgUrl,
        )} `
      : '';
  return `${env}yarn workspace @internal/plugin-data-catalog-backend bench:statewide ${shown.join(
    ' ',
  )}`.trim();
}

function describeCatalog(entities: Entity[], generateMs: number) {
  const of = (kind: string) => entities.filter(e => e.kind === kind);
  const groups = of('Group');
  const typed = (type: string) =>
    groups.filter(g => (g.spec as { type?: string }).type === type).length;
  return {
    entities: entities.length,
    boces: typed('boces'),
    districts: typed('district'),
    groups: groups.length,
    sources: of('DataSource').length,
    provisions: of('DataSource').reduce(
      (n, s) => n + ((s.spec?.provides as unknown[]) ?? []).length,
      0,
    ),
    elements: of('DataElement').length,
    indicators: of('Indicator').length,
    generateMs,
  } satisfies StatewideCatalog;
}

async function databaseVersion(
  kind: DatabaseKind,
  pgUrl?: string,
): Promise<string> {
  if (kind === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    const [row] = await knex.raw('select sqlite_version() as version');
    await knex.destroy();
    return `SQLite ${row.version}`;
  }
  const knex = knexFactory({ client: 'pg', connection: pgUrl });
  const { rows } = await knex.raw('show server_version');
  await knex.destroy();
  return `PostgreSQL ${rows[0].server_version}`;
}

/** One backend from start to stop, on a database of its own. */
async function runBackend<T>(
  mode: BackendMode,
  kind: DatabaseKind,
  options: StatewideOptions,
  files: { entities: string; logs: string; work: string },
  expected: number,
  then: (backend: ChildBackend, api: BackendApi) => Promise<T>,
): Promise<{ load: LoadResult; peakWhileLoadingMiB: number; value: T }> {
  const database = await backendDatabase(kind, options.pgUrl);
  const timeoutMs = options.timeoutMinutes * 60_000;
  const choices = {
    port: await freePort(),
    token: randomBytes(24).toString('hex'),
    processingIntervalSeconds: options.processingIntervalSeconds,
    database: database.settings,
  };
  const configFile = path.join(files.work, `${kind}-${mode}.config.json`);
  await fs.writeFile(configFile, JSON.stringify(backendConfig(choices)));
  try {
    const backend = await ChildBackend.start({
      settings: { mode, configFile, entitiesFile: files.entities },
      baseUrl: `http://127.0.0.1:${choices.port}`,
      token: choices.token,
      logFile: path.join(files.logs, `${kind}-${mode}.log`),
    });
    try {
      const load = await loadCatalog(backend, expected, timeoutMs);
      const { peakMiB } = await backend.memory();
      process.stderr.write(
        `  ${mode}: ${expected} entities stitched in ${(
          load.stitchedMs / 1000
        ).toFixed(1)} s\n`,
      );
      const api = new BackendApi(backend.baseUrl, backend.token);
      const value = await then(backend, api);
      return { load, peakWhileLoadingMiB: peakMiB, value };
    } finally {
      await backend.stop();
    }
  } finally {
    // Said, not thrown: it would hide why the run failed, if it did.
    await database
      .dispose()
      .catch(error =>
        process.stderr.write(`Could not remove the run's database: ${error}\n`),
      );
  }
}

function drawPlan(entities: Entity[], options: StatewideOptions): QuestionPlan {
  // The same questions on every database, from a stream of numbers other
  // than the generator's.
  const random = seededRandom(options.seed + 1000);
  const refs = (keep: (e: Entity) => boolean) =>
    random
      .shuffle(entities.filter(keep).map(e => stringifyEntityRef(e)))
      .slice(0, options.samples);
  return {
    districts: refs(
      e =>
        e.kind === 'Group' && (e.spec as { type?: string }).type === 'district',
    ),
    sources: refs(e => e.kind === 'DataSource'),
    indicators: refs(e => e.kind === 'Indicator'),
    matrixSamples: options.matrixSamples,
  };
}

async function runDatabase(
  kind: DatabaseKind,
  options: StatewideOptions,
  files: { entities: string; resources: string; logs: string; work: string },
  entities: Entity[],
  catalog: StatewideCatalog,
): Promise<StatewideDatabaseResult> {
  const plan = drawPlan(entities, options);
  const timeoutMs = options.timeoutMinutes * 60_000;

  process.stderr.write(`On ${kind}:\n`);
  const dataCatalog = await runBackend(
    'data-catalog',
    kind,
    options,
    files,
    entities.length,
    async (backend, api) => {
      const afterLoad = await backend.memory();
      const reset = await backend.resetPeakMemory();
      const questions: QuestionResults = await askQuestions(api, plan, {
        expectedDistricts: catalog.districts,
        timeoutMs,
        rewrites: () => backend.readModelRewrites(),
      });
      const atEnd = await backend.memory();
      return { afterLoad, reset, questions, atEnd };
    },
  );
  const moduleOnly = await runBackend(
    'module',
    kind,
    options,
    files,
    entities.length,
    async backend => (await backend.memory()).peakMiB,
  );
  const resources = await runBackend(
    'resources',
    kind,
    options,
    { ...files, entities: files.resources },
    entities.length,
    async backend => (await backend.memory()).peakMiB,
  );

  const { afterLoad, reset, questions, atEnd } = dataCatalog.value;
  const memory: BackendMemory = {
    peakWhileLoadingMiB: dataCatalog.peakWhileLoadingMiB,
    rssAfterLoadMiB: afterLoad.rssMiB,
    peakWhileServingMiB: reset ? atEnd.peakMiB : undefined,
    peakMiB: Math.max(dataCatalog.peakWhileLoadingMiB, atEnd.peakMiB),
  };
  const measured = {
    dataCatalog: dataCatalog.load,
    moduleOnly: moduleOnly.load,
    resources: resources.load,
    questions,
    memory,
  };
  return {
    version: await databaseVersion(kind, options.pgUrl),
    ...measured,
    processingOverhead: processingOverhead(measured),
    moduleOnlyPeakMiB: moduleOnly.value,
    resourcesPeakMiB: resources.value,
    targets: checkTargets(measured),
  };
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: os.loadavg()[0], end: 0 },
  };
}

async function main(argv: string[]): Promise<void> {
  const options = parseStatewideOptions(argv, process.env, process.cwd());
  const started = new Date();
  const report: StatewideReport = {
    command: commandLine(options, argv),
    date: started.toISOString(),
    machine: machine(),
    catalog: undefined!,
    processingIntervalSeconds: options.processingIntervalSeconds,
    databases: {},
    skipped: options.pgUrl
      ? []
      : ['PostgreSQL (no --pg-url or connection string in the environment)'],
    durationSeconds: 0,
  };

  process.stderr.write('Generating the region...\n');
  // BOCES in proportion to New York's 37 for about 700 districts.
  const generated = await timed(() =>
    generateRegion({
      seed: options.seed,
      bocesCount: Math.max(1, Math.round((options.districts * 37) / 770)),
      districtCount: options.districts,
      sourcesPerDistrict: options.sources,
      elementCount: options.elements,
      indicatorCount: options.indicators,
    }),
  );
  const entities = generated.value;
  report.catalog = describeCatalog(entities, generated.ms);

  // The backends read the entities from files, so that the benchmark's
  // copy is not in their memory.
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'dc-statewide-run-'));
  const files = {
    entities: path.join(work, 'entities.json'),
    resources: path.join(work, 'resources.json'),
    logs: path.dirname(options.out),
    work,
  };
  await fs.mkdir(files.logs, { recursive: true });
  try {
    await fs.writeFile(files.entities, JSON.stringify(entities));
    await fs.writeFile(
      files.resources,
      JSON.stringify(toResourceEntities(entities)),
    );
    for (const kind of options.databases) {
      report.databases[kind] = await runDatabase(
        kind,
        options,
        files,
        entities,
        report.catalog,
      );
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }

  report.machine.loadAverage.end = os.loadavg()[0];
  report.durationSeconds = (Date.now() - started.getTime()) / 1000;
  const markdown = toStatewideMarkdown(report);
  // Hundredths of a millisecond are noise; they only make the file longer.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  await fs.writeFile(options.out, `${JSON.stringify(report, rounded, 2)}\n`);
  await fs.writeFile(`${options.out.replace(/\.json$/, '')}.md`, markdown);
  process.stdout.write(markdown);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(
    `${
      error instanceof StatewideUsageError
        ? error.message
        : error.stack ?? error
    }\n`,
  );
  process.exitCode = 1;
});
