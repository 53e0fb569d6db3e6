import { DatabaseKind } from './options';
import { DatabaseResult, LineageResult } from './scenarios';
import { Summary } from './stats';

/** Where and when the benchmark ran. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  /**
   * One-minute load averages at the start and end of the run: other work
   * on the machine slows the figures down.
   */
  loadAverage: { start: number; end: number };
}

/** The size of the generated catalog. */
export interface CatalogSize {
  boces: number;
  districts: number;
  sources: number;
  provisions: number;
  feeds: number;
  elements: number;
  indicators: number;
  entities: number;
  generateMs: number;
}

/** One run of the benchmark, as written to the JSON file. */
export interface BenchReport {
  command: string;
  date: string;
  machine: Machine;
  catalog: CatalogSize;
  databases: Partial<Record<DatabaseKind, DatabaseResult>>;
  /** Databases asked for but not run, with the reason. */
  skipped: string[];
}

/** How the report names each database. */
export const NAMES: Record<DatabaseKind, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};

/** Milliseconds, or seconds from one second on. */
export const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

/** Mebibytes, whole. */
export const mib = (value: number) => `${value.toFixed(0)} MiB`;

/** `median / p95` of a summary. */
export const medianP95 = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)}`;

// CPU time of this process, which a busy machine inflates less than the
// elapsed time; on PostgreSQL it leaves out the server's work.
const withCpu = (cell: string, cpu: Summary) =>
  `${cell} (CPU ${ms(cpu.median)})`;

const lineage = (l: LineageResult) =>
  `${withCpu(medianP95(l.timing), l.cpu)}; ${l.medianNodes} nodes, ${Math.round(
    l.truncatedShare * 100,
  )}% cut at the limit`;

/**
 * A Markdown table with its columns padded to one width, as Prettier
 * writes them, so that the results file passes the repository's check.
 */
export function alignedTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map(cells => cells[i].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
  ];
}

/** The results as a Markdown section: context, then one table. */
export function toMarkdown(report: BenchReport): string {
  const kinds = Object.keys(report.databases) as DatabaseKind[];
  const results = kinds.map(kind => report.databases[kind]!);
  const { catalog: c, machine: m } = report;
  const row = (label: string, cell: (r: DatabaseResult) => string) => [
    label,
    ...results.map(cell),
  ];
  const first = results[0];
  // Sample counts are the same on every database; small regions may have
  // fewer districts, sources or indicators than were asked for.
  const n = (of: (r: DatabaseResult) => Summary) => (first ? of(first).n : 0);
  const matrixSamples = first ? first.matrixCold.n : 0;

  return [
    `Command: \`${report.command}\``,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(
      0,
    )} GiB memory, Node ${m.node}, ${m.os}. Run on ${
      report.date
    }; one-minute load average ${m.loadAverage.start.toFixed(
      1,
    )} at the start, ${m.loadAverage.end.toFixed(1)} at the end.`,
    '',
    `Catalog: ${c.boces} BOCES, ${c.districts} districts, ${
      c.sources
    } sources providing ${c.provisions} elements in all, ${c.feeds} feeds, ${
      c.elements
    } elements, ${c.indicators} indicators (${
      c.entities
    } entities, generated in ${ms(c.generateMs)}).`,
    ...(report.skipped.length > 0
      ? ['', `Not run: ${report.skipped.join('; ')}.`]
      : []),
    '',
    ...alignedTable(
      ['Measurement', ...kinds.map(k => NAMES[k])],
      [
        row('Database', r => r.version),
        row('Migrations', r => ms(r.migrationsMs)),
        row(
          'Full refresh (buildReadModel + store.replace)',
          r => `${ms(r.refreshMs)} (${ms(r.buildMs)} + ${ms(r.replaceMs)})`,
        ),
        row('District gaps right after the refresh: first call', r =>
          ms(r.gapsFirstCallMs),
        ),
        row(
          `District gaps right after the refresh: cold, median / p95 (n=${n(
            r => r.gapsCold,
          )})`,
          r => medianP95(r.gapsCold),
        ),
        row(
          `Refresh that changed one source (store.replace), median / max (n=${matrixSamples})`,
          r =>
            `${ms(r.replaceOneChange.median)} / ${ms(r.replaceOneChange.max)}`,
        ),
        row('ANALYZE after the refresh', r => ms(r.analyzeMs)),
        row('District gaps: first call (also reads the vocabulary)', r =>
          ms(r.gapsFirstCallAnalyzedMs),
        ),
        row(
          `District gaps: cold, median / p95 (n=${n(r => r.gapsColdAnalyzed)})`,
          r => withCpu(medianP95(r.gapsColdAnalyzed), r.gapsColdAnalyzedCpu),
        ),
        row(
          "One district's answer as JSON: size, JSON.stringify time",
          r =>
            `${(r.districtAnswer.kib / 1024).toFixed(1)} MiB, ${ms(
              r.districtAnswer.stringifyMs,
            )}`,
        ),
        row(`Regional matrix, cold, median / max (n=${matrixSamples})`, r =>
          withCpu(
            `${ms(r.matrixCold.median)} / ${ms(r.matrixCold.max)}`,
            r.matrixColdCpu,
          ),
        ),
        row('Regional matrix, cached answers, median', r =>
          ms(r.matrixCached.median),
        ),
        row(
          `Regional matrix of another replica, from stored statuses, median / max (n=${matrixSamples})`,
          r =>
            `${ms(r.matrixFromStored.median)} / ${ms(r.matrixFromStored.max)}`,
        ),
        row(
          `Regional matrix after a refresh that changed one source, median / max (n=${matrixSamples})`,
          r =>
            `${ms(r.matrixAfterOneChange.median)} / ${ms(
              r.matrixAfterOneChange.max,
            )}`,
        ),
        row('Heap a GapService keeps after one matrix (after GC)', r =>
          r.matrixRetainedMiB === undefined
            ? 'not measured (run with --expose-gc)'
            : mib(r.matrixRetainedMiB),
        ),
        row(
          `Lineage from a source, both ways, depth 5, limit 500, median / p95 (n=${n(
            r => r.lineageFromSource.timing,
          )})`,
          r => lineage(r.lineageFromSource),
        ),
        row(
          `Lineage from an indicator, upstream, depth 5, limit 500, median / p95 (n=${n(
            r => r.lineageFromIndicator.timing,
          )})`,
          r => lineage(r.lineageFromIndicator),
        ),
        row(
          'RSS after the gaps / after the matrix; peak of the process so far',
          r =>
            `${mib(r.rssMiB.afterRefreshAndGaps)} / ${mib(
              r.rssMiB.afterMatrix,
            )}; ${mib(r.peakRssMiB)}`,
        ),
      ],
    ),
    '',
  ].join('\n');
}
