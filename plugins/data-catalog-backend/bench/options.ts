import path from 'node:path';

/** The databases the benchmark knows how to run on. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** What one run of the benchmark measures, and where it writes. */
export interface BenchOptions {
  districts: number;
  sources: number;
  elements: number;
  indicators: number;
  /** Samples of each per-district and lineage measurement. */
  samples: number;
  /** Samples of the regional matrix, which is far slower. */
  matrixSamples: number;
  seed: number;
  databases: DatabaseKind[];
  /** PostgreSQL server to create the run's database on, if any. */
  pgUrl?: string;
  /** The JSON results; the Markdown table goes next to it. */
  out: string;
}

const PG_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

const USAGE = `Usage: yarn bench [--districts 770] [--sources 20] [--elements 150]
  [--indicators 200] [--samples 50] [--matrix-samples 5] [--seed 1]
  [--databases sqlite,postgres] [--pg-url postgresql://...]
  [--out bench/results/latest.json]
PostgreSQL runs only with --pg-url or ${PG_ENV} set.`;

/** Thrown for a command line the benchmark cannot run; shows the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

// commander is not a dependency of this package, and the flags are few:
// `--name value` or `--name=value`, nothing else.
function readFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) {
      throw new UsageError(`Unexpected argument ${argv[i]}`);
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) {
      throw new UsageError(`--${match[1]} needs a value`);
    }
    flags.set(match[1], value);
  }
  return flags;
}

function positive(flags: Map<string, string>, name: string, def: number) {
  const raw = flags.get(name);
  flags.delete(name);
  if (raw === undefined) {
    return def;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--${name} must be a positive integer, got ${raw}`);
  }
  return value;
}

/** Reads the command line and environment into options. */
export function parseOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): BenchOptions {
  const flags = readFlags(argv);
  const options: BenchOptions = {
    districts: positive(flags, 'districts', 770),
    sources: positive(flags, 'sources', 20),
    elements: positive(flags, 'elements', 150),
    indicators: positive(flags, 'indicators', 200),
    samples: positive(flags, 'samples', 50),
    matrixSamples: positive(flags, 'matrix-samples', 5),
    seed: positive(flags, 'seed', 1),
    databases: [],
    pgUrl: flags.get('pg-url') ?? env[PG_ENV],
    out: path.resolve(
      cwd,
      flags.get('out') ?? path.join('bench', 'results', 'latest.json'),
    ),
  };
  const databases = (flags.get('databases') ?? 'sqlite,postgres').split(',');
  for (const name of ['pg-url', 'out', 'databases']) {
    flags.delete(name);
  }
  if (flags.size > 0) {
    throw new UsageError(`Unknown option --${[...flags.keys()][0]}`);
  }
  for (const database of databases) {
    if (database !== 'sqlite' && database !== 'postgres') {
      throw new UsageError(`Unknown database ${database}`);
    }
    // Without a server to run on, PostgreSQL is left out, not failed.
    if (database === 'postgres' && !options.pgUrl) {
      continue;
    }
    options.databases.push(database);
  }
  return options;
}

/** The connection string with any password hidden, for the report. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparsable connection string)';
  }
}
