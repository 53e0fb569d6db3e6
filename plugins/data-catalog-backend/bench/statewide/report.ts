import { DatabaseKind } from '../options';
import { alignedTable, Machine, medianP95, mib, ms, NAMES } from '../report';
import { LoadResult } from './loadCatalog';
import { Comparison, QuestionResults } from './questions';
import { BackendMemory, percent, TargetCheck } from './targets';

/** What the generated catalog holds, by kind. */
export interface StatewideCatalog {
  entities: number;
  boces: number;
  districts: number;
  groups: number;
  sources: number;
  provisions: number;
  elements: number;
  indicators: number;
  generateMs: number;
}

/** Both backends' runs on one database. */
export interface StatewideDatabaseResult {
  version: string;
  dataCatalog: LoadResult;
  moduleOnly: LoadResult;
  resources: LoadResult;
  /** Extra processing time per entity of ours over Resources, fractions. */
  processingOverhead: { moduleOnly: number; withPlugin: number };
  questions: QuestionResults;
  memory: BackendMemory;
  /** The other backends' peaks, for comparison. */
  moduleOnlyPeakMiB: number;
  resourcesPeakMiB: number;
  targets: TargetCheck[];
}

/** One run of the statewide benchmark, as written to the JSON file. */
export interface StatewideReport {
  command: string;
  date: string;
  machine: Machine;
  catalog: StatewideCatalog;
  processingIntervalSeconds: number;
  databases: Partial<Record<DatabaseKind, StatewideDatabaseResult>>;
  skipped: string[];
  durationSeconds: number;
}

const perSecond = (load: LoadResult) =>
  `${ms(load.stitchedMs)}; ${load.entitiesPerSecond.toFixed(
    0,
  )} entities/s, ${load.msPerEntity.toFixed(2)} ms each`;

const versus = (c: Comparison) =>
  `${medianP95(c.plugin)} vs ${medianP95(c.baseline)}; ${c.ratio.median.toFixed(
    1,
  )}× (p95 ${c.ratio.p95.toFixed(1)}×)`;

/** The results as a Markdown section: context, measurements, targets. */
export function toStatewideMarkdown(report: StatewideReport): string {
  const kinds = Object.keys(report.databases) as DatabaseKind[];
  const results = kinds.map(kind => report.databases[kind]!);
  const row = (label: string, cell: (r: StatewideDatabaseResult) => string) => [
    label,
    ...results.map(cell),
  ];
  const { catalog: c, machine: m } = report;
  const first = results[0];
  const n = first ? first.questions.gaps.plugin.n : 0;
  const header = ['Measurement', ...kinds.map(k => NAMES[k])];

  const lineageRows = (first?.questions.lineage ?? []).map((l, i) =>
    row(
      `Lineage from ${l.from === 'indicator' ? 'an' : 'a'} ${l.from}, ${
        l.direction
      }, depth ${l.depth}, limit ${
        l.limit
      }: plugin vs catalog API, median / p95 (n=${l.plugin.n}); nodes`,
      r => {
        const x = r.questions.lineage[i];
        return `${versus(x)}; ${x.pluginSize} vs ${x.baselineSize} nodes`;
      },
    ),
  );

  return [
    `Command: \`${report.command}\``,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(
      0,
    )} GiB memory, Node ${m.node}, ${m.os}. Run on ${
      report.date
    } in ${Math.round(
      report.durationSeconds,
    )} s; one-minute load average ${m.loadAverage.start.toFixed(
      1,
    )} at the start, ${m.loadAverage.end.toFixed(1)} at the end.`,
    '',
    `Catalog: ${c.entities} entities (${c.boces} BOCES, ${
      c.districts
    } districts, ${c.groups} groups in all, ${c.sources} sources providing ${
      c.provisions
    } elements, ${c.elements} elements, ${
      c.indicators
    } indicators), generated in ${ms(
      c.generateMs,
    )}; catalog processing interval ${report.processingIntervalSeconds} s.`,
    ...(report.skipped.length > 0
      ? ['', `Not run: ${report.skipped.join('; ')}.`]
      : []),
    '',
    ...alignedTable(header, [
      row('Database', r => r.version),
      row('Full mutation of the provider (rows written)', r =>
        ms(r.dataCatalog.mutationMs),
      ),
      row('Data catalog kinds, module and plugin: until all stitched', r =>
        perSecond(r.dataCatalog),
      ),
      row('Data catalog kinds, module alone', r => perSecond(r.moduleOnly)),
      row('Same count as built-in Resources, plain catalog', r =>
        perSecond(r.resources),
      ),
      row(
        'Processing time per entity over Resources: module alone; with the plugin',
        r =>
          `${percent(r.processingOverhead.moduleOnly)}; ${percent(
            r.processingOverhead.withPlugin,
          )}`,
      ),
      row(
        'Read model refresh after stitching: run (as logged; start after the trigger); rewrites before it',
        r => {
          const q = r.questions;
          const logged =
            q.refreshRewriteMs === undefined
              ? 'already up to date'
              : `logged ${ms(q.refreshRewriteMs)}`;
          return `${ms(q.refreshMs)} (${logged}; ${ms(q.refreshStartLagMs)}); ${
            q.rewritesBefore
          }`;
        },
      ),
      row('Regional matrix: first after the refresh', r =>
        ms(r.questions.matrixFirstMs),
      ),
      row(
        `Regional matrix: then, median / p95 (n=${
          first?.questions.matrix.n ?? 0
        })`,
        r => medianP95(r.questions.matrix),
      ),
      row(
        `District gaps: plugin vs catalog API, median / p95 (n=${n}); answer size`,
        r =>
          `${versus(r.questions.gaps)}; ${(
            r.questions.gaps.answerKiB / 1024
          ).toFixed(1)} MiB`,
      ),
      row(
        'Indicators available per district, median: plugin (with partial) vs by presence',
        r => {
          const a = r.questions.gaps.available;
          return `${a.plugin} (${a.pluginOrPartial}) vs ${a.presence}`;
        },
      ),
      ...lineageRows,
      row('Requests the catalog API baselines made', r =>
        String(r.questions.baselineRequests),
      ),
      row(
        'Backend RSS: peak loading / after loading / peak serving; peaks of the module-only and Resource backends',
        r =>
          `${mib(r.memory.peakWhileLoadingMiB)} / ${mib(
            r.memory.rssAfterLoadMiB,
          )} / ${
            r.memory.peakWhileServingMiB === undefined
              ? 'not measured'
              : mib(r.memory.peakWhileServingMiB)
          }; ${mib(r.moduleOnlyPeakMiB)}, ${mib(r.resourcesPeakMiB)}`,
      ),
    ]),
    '',
    ...alignedTable(
      ['Target', ...kinds.map(k => NAMES[k])],
      (first?.targets ?? []).map((t, i) => [
        t.target,
        ...results.map(r => {
          const check = r.targets[i];
          return `${check.met ? 'met' : 'missed'}: ${check.measured}`;
        }),
      ]),
    ),
    '',
  ].join('\n');
}
