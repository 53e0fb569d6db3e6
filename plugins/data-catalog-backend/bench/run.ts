import { Entity } from '@backstage/catalog-model';
import {
  generateRegion,
  seededRandom,
} from '@internal/plugin-data-catalog-common/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildReadModel } from '../src/readModel/buildReadModel';
import { openDatabase } from './databases';
import { BenchOptions, parseOptions, redactUrl, UsageError } from './options';
import { BenchReport, CatalogSize, toMarkdown } from './report';
import { runScenarios } from './scenarios';
import { timed } from './stats';

/*
 * The data catalog backend's benchmark: generates a region of the asked
 * size, loads it into SQLite and PostgreSQL as a refresh would, and times
 * the questions the portal asks. See the README's Performance section.
 */

function commandLine(options: BenchOptions, argv: string[]): string {
  const shown = argv.map(arg =>
    /^postgres(ql)?:\/\//.test(arg) ? redactUrl(arg) : arg,
  );
  const env =
    options.pgUrl && !argv.some(arg => arg.startsWith('--pg-url'))
      ? `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=${redactUrl(
          options.pgUrl,
        )} `
      : '';
  return `${env}yarn workspace @internal/plugin-data-catalog-backend bench ${shown.join(
    ' ',
  )}`.trim();
}

function describeCatalog(entities: Entity[], generateMs: number): CatalogSize {
  const model = buildReadModel(entities);
  return {
    boces: model.districts.filter(d => d.type === 'boces').length,
    districts: model.districts.filter(d => d.type === 'district').length,
    sources: model.sources.length,
    provisions: model.sources.reduce((n, s) => n + s.provides.length, 0),
    feeds: model.sources.reduce((n, s) => n + s.fedBy.length, 0),
    elements: model.elements.length,
    indicators: model.indicators.length,
    entities: entities.length,
    generateMs,
  };
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv, process.env, process.cwd());
  const started = new Date();
  const loadAtStart = os.loadavg()[0];

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

  const cpus = os.cpus();
  const report: BenchReport = {
    command: commandLine(options, argv),
    date: started.toISOString(),
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      memoryGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverage: { start: loadAtStart, end: 0 },
    },
    catalog: describeCatalog(generated.value, generated.ms),
    databases: {},
    skipped: options.pgUrl
      ? []
      : ['PostgreSQL (no --pg-url or connection string in the environment)'],
  };

  for (const kind of options.databases) {
    process.stderr.write(`On ${kind}:\n`);
    const database = await openDatabase(kind, options.pgUrl);
    try {
      report.databases[kind] = await runScenarios(
        database.knex,
        database.version,
        generated.value,
        // The same questions on every database, from a stream of numbers
        // other than the generator's.
        seededRandom(options.seed + 1000),
        options,
      );
    } finally {
      await database.dispose();
    }
  }

  report.machine.loadAverage.end = os.loadavg()[0];
  const markdown = toMarkdown(report);
  await fs.mkdir(path.dirname(options.out), { recursive: true });
  // Hundredths of a millisecond are noise; they only make the file longer.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  await fs.writeFile(options.out, `${JSON.stringify(report, rounded, 2)}\n`);
  await fs.writeFile(`${options.out.replace(/\.json$/, '')}.md`, markdown);
  process.stdout.write(markdown);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(
    `${error instanceof UsageError ? error.message : error.stack ?? error}\n`,
  );
  process.exitCode = 1;
});
