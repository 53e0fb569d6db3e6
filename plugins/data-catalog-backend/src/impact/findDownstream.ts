import { servesMemberDistricts } from '@internal/plugin-data-catalog-common';
import { ReadModel, StoredIndicator, StoredSource } from '../readModel/types';
import { SourceChange } from './detectChanges';

/** An indicator in one district that needs elements a change concerns. */
export interface AffectedIndicator {
  indicator: StoredIndicator;
  district: string;
  /** The elements concerned that it requires or is broken down by. */
  elements: string[];
}

/** What a change reaches: per district the elements, and the indicators. */
export interface Downstream {
  /** District ref to the elements of the change that reach it. */
  districts: Map<string, Set<string>>;
  indicators: AffectedIndicator[];
}

/**
 * Follows a change the way data flow, over the model after the change: the
 * source's elements count for its own district and, for a BOCES source that
 * serves its members (as the gap rules count it), for each member district;
 * sources fed by it carry the elements along the feed (all of them when the
 * feed lists none) that they provide themselves, for their districts in
 * turn. Indicators are those that require or break down by an element that
 * reaches a district.
 */
export function findDownstream(
  change: SourceChange,
  model: ReadModel,
): Downstream {
  const index = indexOf(model);
  const districts = new Map<string, Set<string>>();
  const reached = reachSources(change, index);

  for (const [ref, elements] of reached) {
    const source = index.sources.get(ref) ?? change.source;
    for (const district of districtsServedBy(source, index)) {
      const set = districts.get(district) ?? new Set<string>();
      elements.forEach(element => set.add(element));
      districts.set(district, set);
    }
  }

  const indicators: AffectedIndicator[] = [];
  for (const [district, elements] of districts) {
    for (const indicator of model.indicators) {
      const needed = [
        ...new Set([...indicator.requires, ...indicator.disaggregateBy]),
      ].filter(element => elements.has(element));
      if (needed.length > 0) {
        indicators.push({ indicator, district, elements: needed });
      }
    }
  }
  return { districts, indicators };
}

/**
 * The changed source and every source downstream of it, each with the
 * elements of the change it carries. A source reached again with more
 * elements is followed again for them; the sets only grow, so the walk
 * ends even where feeds form a cycle.
 */
function reachSources(
  change: SourceChange,
  { fedBy }: ModelIndex,
): Map<string, Set<string>> {
  const reached = new Map([[change.source.ref, new Set(change.elements)]]);

  let frontier = [change.source.ref];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const upstream of frontier) {
      const carried = reached.get(upstream)!;
      // Retired sources count for nothing in the gap rules.
      for (const source of fedBy.get(upstream) ?? []) {
        if (source.lifecycle === 'retired') {
          continue;
        }
        const feed = source.fedBy.find(f => f.upstream === upstream)!;
        const provided = new Set(source.provides.map(p => p.element));
        const along = [...carried].filter(
          element =>
            provided.has(element) &&
            (feed.elements.length === 0 || feed.elements.includes(element)),
        );
        const known = reached.get(source.ref) ?? new Set<string>();
        const before = known.size;
        along.forEach(element => known.add(element));
        if (known.size > before) {
          reached.set(source.ref, known);
          next.push(source.ref);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/** The districts whose gaps a source counts for. */
function districtsServedBy(source: StoredSource, index: ModelIndex): string[] {
  if (!index.boces.has(source.district)) {
    return [source.district];
  }
  if (!servesMemberDistricts(source)) {
    return [];
  }
  return index.members.get(source.district) ?? [];
}

/** Lookups over one model, built once for all the changes of a refresh. */
interface ModelIndex {
  sources: Map<string, StoredSource>;
  /** Upstream source ref to the sources it feeds. */
  fedBy: Map<string, StoredSource[]>;
  boces: Set<string>;
  /** BOCES ref to its member districts. */
  members: Map<string, string[]>;
}

const indexes = new WeakMap<ReadModel, ModelIndex>();

function indexOf(model: ReadModel): ModelIndex {
  let index = indexes.get(model);
  if (index) {
    return index;
  }

  index = {
    sources: new Map(model.sources.map(s => [s.ref, s])),
    fedBy: new Map(),
    boces: new Set(
      model.districts.filter(d => d.type === 'boces').map(d => d.ref),
    ),
    members: new Map(),
  };
  for (const source of model.sources) {
    for (const feed of source.fedBy) {
      const list = index.fedBy.get(feed.upstream) ?? [];
      list.push(source);
      index.fedBy.set(feed.upstream, list);
    }
  }
  for (const district of model.districts) {
    if (district.type === 'district' && district.parent) {
      const list = index.members.get(district.parent) ?? [];
      list.push(district.ref);
      index.members.set(district.parent, list);
    }
  }
  indexes.set(model, index);
  return index;
}
