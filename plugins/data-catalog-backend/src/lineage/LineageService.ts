import { NotFoundError } from '@backstage/errors';
import { ReadModelStore } from '../database/ReadModelStore';
import { markCycleEdges } from './markCycleEdges';

/** Which way to walk from the root. */
export type LineageDirection = 'upstream' | 'downstream' | 'both';

/** A node of a lineage answer. */
export interface LineageNode {
  ref: string;
  kind: 'datasource' | 'dataelement' | 'indicator';
  title: string;
  district?: string;
  /** Hops from the root. */
  depth: number;
}

/**
 * An edge, always pointing the way data flow: an upstream source `feeds` a
 * downstream one, a source `provides` an element, an element is `requires`d
 * by an indicator.
 */
export interface LineageEdge {
  from: string;
  to: string;
  type: 'feeds' | 'provides' | 'requires';
  /** For `feeds`: the elements along the feed, when the YAML lists them. */
  elements?: string[];
  /** True for an edge that leads back to a node on its own path. */
  closesCycle: boolean;
}

/** The answer to a lineage question. */
export interface LineageAnswer {
  root: string;
  direction: LineageDirection;
  depth: number;
  limit: number;
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** How many further nodes the node limit left out. */
  truncated: number;
}

type Kind = LineageNode['kind'];

interface Walk {
  nodes: Map<string, { kind: Kind; depth: number }>;
  edges: Map<string, Omit<LineageEdge, 'closesCycle'>>;
  cutOff: Set<string>;
  /**
   * For a source reached upstream through elements, those elements: only
   * feeds that carry it (or say nothing of their elements) are followed.
   */
  through: Map<string, Set<string> | undefined>;
  /**
   * Providers of elements left out by count rather than by name (see
   * `ReadModelStore.providersOf`): how many, and of which elements, so
   * that a source also cut by name elsewhere is not counted twice.
   */
  counted: Array<{ elements: string[]; others: number }>;
}

/**
 * Answers lineage questions with one query per kind and hop over the read
 * model, so the cost grows with the answer, not with the catalog.
 */
export class LineageService {
  constructor(private readonly store: ReadModelStore) {}

  async lineage(
    root: string,
    options: { direction: LineageDirection; depth: number; limit: number },
  ): Promise<LineageAnswer> {
    const kind = (await this.store.kindsOf([root])).get(root) as
      | Kind
      | undefined;
    if (!kind) {
      throw new NotFoundError(
        `No data source, element or indicator ${root} in the catalog`,
      );
    }

    const walk: Walk = {
      nodes: new Map([[root, { kind, depth: 0 }]]),
      edges: new Map(),
      cutOff: new Set(),
      through: new Map([[root, undefined]]),
      counted: [],
    };
    if (options.direction !== 'downstream') {
      await this.walk(walk, root, 'upstream', options);
    }
    if (options.direction !== 'upstream') {
      await this.walk(walk, root, 'downstream', options);
    }

    const described = await this.store.describe([...walk.nodes.keys()]);
    const edges = [...walk.edges.values()];
    const cycles = markCycleEdges(root, edges);

    return {
      root,
      direction: options.direction,
      depth: options.depth,
      limit: options.limit,
      nodes: [...walk.nodes].map(([ref, node]) => ({
        ref,
        kind: node.kind,
        depth: node.depth,
        title: described.get(ref)?.title ?? ref,
        district: described.get(ref)?.district,
      })),
      edges: edges.map((edge, i) => ({ ...edge, closesCycle: cycles[i] })),
      truncated: await this.countCutOff(walk),
    };
  }

  /** Nodes left out by name and by count, each once. */
  private async countCutOff(walk: Walk): Promise<number> {
    let truncated = walk.cutOff.size;
    for (const { elements, others } of walk.counted) {
      const named = [...walk.cutOff].filter(
        ref =>
          walk.nodes.get(ref) === undefined && ref.startsWith('datasource:'),
      );
      const twice = named.length
        ? (await this.store.whichProvide(elements, named)).size
        : 0;
      truncated += others - twice;
    }
    return truncated;
  }

  /** Breadth first, one hop at a time, from the root in one direction. */
  private async walk(
    walk: Walk,
    root: string,
    direction: 'upstream' | 'downstream',
    options: { depth: number; limit: number },
  ): Promise<void> {
    let frontier = [root];

    for (let hop = 1; hop <= options.depth && frontier.length > 0; hop++) {
      const step: Step = { walk, depth: hop, limit: options.limit, next: [] };
      const reach = reachFrom(step);
      const [sources, elements, indicators] = splitByKind(walk, frontier);

      if (direction === 'downstream') {
        for (const feed of await this.store.feedsOf({ upstreams: sources })) {
          reach(feed.source, 'datasource', {
            from: feed.upstream,
            to: feed.source,
            type: 'feeds',
            elements: feed.elements,
          });
        }
        for (const p of await this.store.provisionsOf({ sources })) {
          reach(p.element, 'dataelement', {
            from: p.source,
            to: p.element,
            type: 'provides',
          });
        }
        for (const r of await this.store.requirementsOf({ elements })) {
          reach(r.indicator, 'indicator', {
            from: r.element,
            to: r.indicator,
            type: 'requires',
          });
        }
      } else {
        for (const feed of await this.store.feedsOf({ sources })) {
          const wanted = walk.through.get(feed.source);
          const carried = carriedBy(feed.elements, wanted);
          if (carried && carried.size === 0) {
            continue;
          }
          reach(
            feed.upstream,
            'datasource',
            {
              from: feed.upstream,
              to: feed.source,
              type: 'feeds',
              elements: feed.elements,
            },
            carried,
          );
        }
        if (elements.length > 0) {
          const { edges, others } = await this.store.providersOf({
            elements,
            known: [...walk.nodes]
              .filter(([, node]) => node.kind === 'datasource')
              .map(([ref]) => ref),
            limit: Math.max(0, options.limit - walk.nodes.size),
          });
          for (const p of edges) {
            reach(
              p.source,
              'datasource',
              { from: p.source, to: p.element, type: 'provides' },
              new Set([p.element]),
            );
          }
          if (others > 0) {
            walk.counted.push({ elements, others });
          }
        }
        for (const r of await this.store.requirementsOf({ indicators })) {
          reach(r.element, 'dataelement', {
            from: r.element,
            to: r.indicator,
            type: 'requires',
          });
        }
      }
      frontier = step.next;
    }
  }
}

/** One hop of a walk: where it stands and what it found to visit next. */
interface Step {
  walk: Walk;
  depth: number;
  limit: number;
  next: string[];
}

/** The frontier's sources, elements and indicators, in that order. */
function splitByKind(walk: Walk, frontier: string[]): string[][] {
  return (['datasource', 'dataelement', 'indicator'] as const).map(kind =>
    frontier.filter(ref => walk.nodes.get(ref)?.kind === kind),
  );
}

/**
 * Which of the wanted elements flow along a feed: all of them when the feed
 * lists none, `undefined` (everything) when nothing in particular is wanted.
 */
function carriedBy(
  feedElements: string[],
  wanted: Set<string> | undefined,
): Set<string> | undefined {
  if (!wanted) {
    return undefined;
  }
  if (feedElements.length === 0) {
    return new Set(wanted);
  }
  return new Set(feedElements.filter(e => wanted.has(e)));
}

/**
 * Records an edge and, unless seen already or over the node limit, its far
 * end as a node to visit on the next hop. A source reached again through
 * elements it was not reached through before is visited again for those:
 * the sets only grow, so the walk still ends.
 */
function reachFrom(step: Step) {
  return (
    ref: string,
    kind: Kind,
    edge: Omit<LineageEdge, 'closesCycle'>,
    through?: Set<string>,
  ) => {
    const { walk } = step;
    if (!walk.nodes.has(ref)) {
      if (walk.nodes.size >= step.limit) {
        walk.cutOff.add(ref);
        return;
      }
      walk.nodes.set(ref, { kind, depth: step.depth });
      walk.through.set(ref, through);
      step.next.push(ref);
    } else if (kind === 'datasource' && widen(walk, ref, through)) {
      if (!step.next.includes(ref)) {
        step.next.push(ref);
      }
    }
    walk.edges.set(`${edge.type}:${edge.from}:${edge.to}`, edge);
  };
}

/** Adds elements to those a source is followed for; true if it grew. */
function widen(
  walk: Walk,
  ref: string,
  through: Set<string> | undefined,
): boolean {
  const known = walk.through.get(ref);
  if (!known) {
    return false; // Already followed for every element.
  }
  if (!through) {
    walk.through.set(ref, undefined);
    return true;
  }
  const before = known.size;
  through.forEach(element => known.add(element));
  return known.size > before;
}
