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
   * For a source reached upstream through an element, that element: only
   * feeds that carry it (or say nothing of their elements) are followed.
   */
  through: Map<string, string | undefined>;
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
      truncated: walk.cutOff.size,
    };
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
          const element = walk.through.get(feed.source);
          if (
            element &&
            feed.elements.length > 0 &&
            !feed.elements.includes(element)
          ) {
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
            element,
          );
        }
        for (const p of await this.store.provisionsOf({ elements })) {
          reach(
            p.source,
            'datasource',
            { from: p.source, to: p.element, type: 'provides' },
            p.element,
          );
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
 * Records an edge and, unless seen already or over the node limit, its far
 * end as a node to visit on the next hop.
 */
function reachFrom(step: Step) {
  return (
    ref: string,
    kind: Kind,
    edge: Omit<LineageEdge, 'closesCycle'>,
    through?: string,
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
    }
    walk.edges.set(`${edge.type}:${edge.from}:${edge.to}`, edge);
  };
}
