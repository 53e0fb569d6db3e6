import { LoggerService } from '@backstage/backend-plugin-api';
import { Dataset, RunEvent } from '../events/runEvent';
import {
  LineageStore,
  ObservedDataset,
  ObservedEdge,
} from '../database/LineageStore';
import { ClaimSource } from '../matching/CatalogStateClaims';
import { DatasetMatcher } from '../matching/DatasetMatcher';
import { DatasetPattern, datasetId } from '../matching/datasetPatterns';

// How many unclaimed datasets lineage passes through on its way upstream
// (a staging table between a district's API and the warehouse's tables).
const MAX_HOPS = 10;

/** A dataset and the DataSource it is. */
export interface MatchedDataset extends Dataset {
  source: string;
}

/** A dataset two or more DataSources claim equally. */
export interface AmbiguousDataset extends Dataset {
  sources: string[];
}

/** What the catalog made of a batch of run events. */
export interface IngestReport {
  events: number;
  datasets: {
    matched: MatchedDataset[];
    unknown: Dataset[];
    ambiguous: AmbiguousDataset[];
  };
  /** Each DataSource the events wrote, with every source it is fed by. */
  lineage: Array<{ source: string; fedBy: string[] }>;
}

/** The datasets seen that are no DataSource. */
export interface UnmatchedDatasets {
  unknown: ObservedDataset[];
  ambiguous: Array<ObservedDataset & { sources: string[] }>;
}

/** Asks the catalog to process a DataSource again soon. */
export type RefreshSource = (sourceRef: string) => Promise<void>;

/**
 * The lineage OpenLineage run events show between DataSources. Events are
 * kept as dataset-to-dataset edges; which DataSource each dataset is gets
 * decided on every read, from the annotations as they are then.
 */
export class ObservedLineage {
  // Logged once per dataset while the backend runs; the GET route lists
  // them all whenever asked.
  private readonly reported = new Set<string>();

  constructor(
    private readonly options: {
      store: LineageStore;
      claims: ClaimSource;
      logger: LoggerService;
      refresh?: RefreshSource;
    },
  ) {}

  /** Keeps the events, says what they matched, and refreshes the sources. */
  async ingest(events: RunEvent[]): Promise<IngestReport> {
    const { store, logger, refresh } = this.options;
    await store.record(events);

    const claims = await this.options.claims.loadClaims();
    const matcher = new DatasetMatcher(claims);
    const datasets = describeDatasets(events, matcher);
    this.reportUnmatched(datasets.unknown, datasets.ambiguous);

    const written = new Set<string>();
    for (const event of events) {
      for (const output of event.outputs) {
        const match = matcher.match(output);
        if (match.status === 'matched') {
          written.add(match.sourceRef);
        }
      }
    }

    const edges = await store.listEdges();
    const lineage: IngestReport['lineage'] = [];
    for (const source of [...written].sort()) {
      lineage.push({ source, fedBy: upstreamSources(source, edges, matcher) });
      if (refresh) {
        // The processor emits the relations; without a refresh they would
        // wait for the catalog's next pass over the source.
        await refresh(source).catch(error =>
          logger.warn(`Could not ask the catalog to refresh ${source}`, error),
        );
      }
    }

    return { events: events.length, datasets, lineage };
  }

  /**
   * The DataSources `sourceRef` is fed by. `patterns` are the source's
   * claims as now being processed, which replace what the catalog's state
   * held of it.
   *
   * TODO(openlineage-expiry): an edge is kept for good once seen, so a job
   * retired in the warehouse still feeds the source; drop edges not seen
   * for a configurable time once districts say how long a quiet feed is
   * still a feed.
   * TODO(openlineage-scale): every call reads all claims and all edges,
   * fine for a region's few hundred sources and thousands of edges; index
   * edges by output before a statewide catalog turns this on.
   */
  async upstreamOf(
    sourceRef: string,
    patterns: DatasetPattern[],
  ): Promise<string[]> {
    const claims = (await this.options.claims.loadClaims()).filter(
      claim => claim.sourceRef !== sourceRef,
    );
    const matcher = new DatasetMatcher([...claims, { sourceRef, patterns }]);
    const edges = await this.options.store.listEdges();
    return upstreamSources(sourceRef, edges, matcher);
  }

  /** Every dataset seen that no DataSource, or more than one, claims. */
  async unmatchedDatasets(): Promise<UnmatchedDatasets> {
    const datasets = await this.options.store.listDatasets();
    const matcher = new DatasetMatcher(await this.options.claims.loadClaims());
    const result: UnmatchedDatasets = { unknown: [], ambiguous: [] };

    for (const dataset of datasets) {
      const match = matcher.match(dataset);
      if (match.status === 'unknown') {
        result.unknown.push(dataset);
      } else if (match.status === 'ambiguous') {
        result.ambiguous.push({ ...dataset, sources: match.sourceRefs });
      }
    }
    return result;
  }

  private reportUnmatched(
    unknown: Dataset[],
    ambiguous: AmbiguousDataset[],
  ): void {
    const { logger } = this.options;
    for (const dataset of unknown) {
      if (this.firstReport(dataset)) {
        logger.info(
          `OpenLineage dataset ${datasetId(
            dataset,
          )} is no DataSource of the catalog; claim it in a DataSource's annotation to follow its lineage`,
        );
      }
    }
    for (const dataset of ambiguous) {
      if (this.firstReport(dataset)) {
        logger.warn(
          `OpenLineage dataset ${datasetId(
            dataset,
          )} is claimed equally by ${dataset.sources.join(
            ' and ',
          )}; it is left out of lineage until one claim is more specific`,
        );
      }
    }
  }

  private firstReport(dataset: Dataset): boolean {
    const id = JSON.stringify([dataset.namespace, dataset.name]);
    if (this.reported.has(id)) {
      return false;
    }
    this.reported.add(id);
    return true;
  }
}

/** Each distinct dataset of the events, sorted into what it matched. */
function describeDatasets(
  events: RunEvent[],
  matcher: DatasetMatcher,
): IngestReport['datasets'] {
  const result: IngestReport['datasets'] = {
    matched: [],
    unknown: [],
    ambiguous: [],
  };
  const seen = new Set<string>();

  for (const event of events) {
    for (const dataset of [...event.inputs, ...event.outputs]) {
      const id = JSON.stringify([dataset.namespace, dataset.name]);
      if (seen.has(id)) {
        continue;
      }
      seen.add(id);

      const { namespace, name } = dataset;
      const match = matcher.match(dataset);
      if (match.status === 'matched') {
        result.matched.push({ namespace, name, source: match.sourceRef });
      } else if (match.status === 'ambiguous') {
        result.ambiguous.push({ namespace, name, sources: match.sourceRefs });
      } else {
        result.unknown.push({ namespace, name });
      }
    }
  }
  return result;
}

/**
 * Walks upstream from the datasets `sourceRef` is written through. An
 * input claimed by another source is that source feeding this one; an
 * unclaimed input is followed further up, at most {@link MAX_HOPS} times;
 * an ambiguous one stops the walk, since the catalog cannot tell whose it
 * is. Datasets of the source itself (a job rewriting its own tables) add
 * nothing.
 */
function upstreamSources(
  sourceRef: string,
  edges: ObservedEdge[],
  matcher: DatasetMatcher,
): string[] {
  const inputsOf = new Map<string, Dataset[]>();
  for (const edge of edges) {
    const key = JSON.stringify([edge.output.namespace, edge.output.name]);
    inputsOf.set(key, [...(inputsOf.get(key) ?? []), edge.input]);
  }

  const upstream = new Set<string>();
  const visited = new Set<string>();
  let frontier = edges
    .filter(edge => {
      const match = matcher.match(edge.output);
      return match.status === 'matched' && match.sourceRef === sourceRef;
    })
    .map(edge => edge.input);

  for (let hop = 0; hop <= MAX_HOPS && frontier.length > 0; hop++) {
    const next: Dataset[] = [];
    for (const input of frontier) {
      const key = JSON.stringify([input.namespace, input.name]);
      if (visited.has(key)) {
        continue;
      }
      visited.add(key);

      const match = matcher.match(input);
      if (match.status === 'matched') {
        if (match.sourceRef !== sourceRef) {
          upstream.add(match.sourceRef);
        }
      } else if (match.status === 'unknown') {
        next.push(...(inputsOf.get(key) ?? []));
      }
    }
    frontier = next;
  }
  return [...upstream].sort();
}
