import path from 'node:path';
import { DatabaseKind } from '../options';

/** What one statewide run measures, and where it writes. */
export interface StatewideOptions {
  districts: number;
  sources: number;
  elements: number;
  indicators: number;
  /** Districts and roots asked about, each question. */
  samples: number;
  /** Regional matrices asked for once the first has been answered. */
  matrixSamples: number;
  seed: number;
  databases: DatabaseKind[];
  pgUrl?: string;
  /** The catalog's processing interval in the backends under test. */
  processingIntervalSeconds: number;
  /** How long loading, or the refresh, may take before the run fails. */
  timeoutMinutes: number;
  /** The JSON results; the Markdown table goes next to it. */
  out: string;
}

const PG_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

const USAGE = `Usage: yarn bench:statewide [--districts 770] [--sources 20]
  [--elements 150] [--indicators 200] [--samples 50] [--matrix-samples 10]
  [--seed 1] [--databases sqlite,postgres] [--pg-url postgresql://...]
  [--processing-interval 3600] [--timeout-minutes 60]
  [--out bench/statewide/results/latest.json]
PostgreSQL runs only with --pg-url or ${PG_ENV} set.`;

/** A command line the benchmark cannot run; shows the usage. */
export class StatewideUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

const DEFAULTS = {
  districts: 770,
  sources: 20,
  elements: 150,
  indicators: 200,
  samples: 50,
  'matrix-samples': 10,
  seed: 1,
  'processing-interval': 3600,
  'timeout-minutes': 60,
};

/**
 * Reads `--name value` and `--name=value` flags, and the PostgreSQL
 * connection string from the environment when no flag gives one.
 */
export function parseStatewideOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): StatewideOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) {
      throw new StatewideUsageError(`Unexpected argument ${argv[i]}`);
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) {
      throw new StatewideUsageError(`--${match[1]} needs a value`);
    }
    flags.set(match[1], value);
  }

  const numbers = {} as Record<keyof typeof DEFAULTS, number>;
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const raw = flags.get(name);
    flags.delete(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new StatewideUsageError(
        `--${name} must be a positive integer, got ${raw}`,
      );
    }
    numbers[name as keyof typeof DEFAULTS] = value;
  }

  const pgUrl = flags.get('pg-url') ?? env[PG_ENV];
  const databases: DatabaseKind[] = [];
  for (const name of (flags.get('databases') ?? 'sqlite,postgres').split(',')) {
    if (name !== 'sqlite' && name !== 'postgres') {
      throw new StatewideUsageError(`Unknown database ${name}`);
    }
    // Without a server to run on, PostgreSQL is left out, not failed.
    if (name === 'sqlite' || pgUrl) {
      databases.push(name);
    }
  }
  const out = path.resolve(
    cwd,
    flags.get('out') ??
      path.join('bench', 'statewide', 'results', 'latest.json'),
  );
  for (const name of ['pg-url', 'databases', 'out']) {
    flags.delete(name);
  }
  if (flags.size > 0) {
    throw new StatewideUsageError(`Unknown option --${[...flags.keys()][0]}`);
  }

  return {
    districts: numbers.districts,
    sources: numbers.sources,
    elements: numbers.elements,
    indicators: numbers.indicators,
    samples: numbers.samples,
    matrixSamples: numbers['matrix-samples'],
    seed: numbers.seed,
    databases,
    pgUrl,
    processingIntervalSeconds: numbers['processing-interval'],
    timeoutMinutes: numbers['timeout-minutes'],
    out,
  };
}
