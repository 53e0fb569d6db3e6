import { Lineage, LineageEdge, LineageNode } from '../../api';

/** Which way a node lies from the node it was reached from. */
export type Side = 'upstream' | 'downstream';

/** A node as the graph draws it: a catalog entity or a "+N more" stand-in. */
export interface GraphNode {
  id: string;
  title: string;
  kind: LineageNode['kind'] | 'more';
  district?: string;
  depth: number;
  isRoot: boolean;
  /** The node it hangs from in the walk from the root; absent for the root. */
  parent?: string;
  /** Which way from its parent it lies; absent for the root. */
  side?: Side;
  /** For a "+N more" node: how many siblings it stands for. */
  hidden?: number;
}

/** An edge as the graph draws it, pointing the way data flow. */
export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  type?: LineageEdge['type'];
  closesCycle: boolean;
}

/** Where each node hangs in the walk from the root. */
export interface LineageTree {
  /** The node each node was reached from; absent for the root. */
  parent: Map<string, string>;
  /** Which way each node lies from its parent. */
  side: Map<string, Side>;
  /** Which way from the root the branch holding each node leaves. */
  branch: Map<string, Side>;
}

/** The label of an edge that leads back to a node on its own path. */
export const CYCLE_LABEL = 'closes a cycle';

/** How many children of one node are drawn before the rest are grouped. */
export const MAX_SIBLINGS = 8;

/** The id of the "+N more" node grouping a parent's children on one side. */
export function moreId(parent: string, side: Side): string {
  return `more:${side}:${parent}`;
}

/**
 * Hangs every node from one neighbour one hop nearer the root, preferring
 * edges that do not close a cycle: a tree to group siblings by and to say
 * which side of the root each node is on.
 */
export function lineageTree(
  lineage: Pick<Lineage, 'root' | 'nodes' | 'edges'>,
): LineageTree {
  const depth = new Map(lineage.nodes.map(node => [node.ref, node.depth]));
  depth.set(lineage.root, 0);
  const parent = new Map<string, string>();
  const side = new Map<string, Side>();
  const branch = new Map<string, Side>();

  const ordered = [...lineage.edges].sort(
    (a, b) => Number(a.closesCycle) - Number(b.closesCycle),
  );
  const byDepth = [...lineage.nodes]
    .filter(node => node.ref !== lineage.root)
    .sort((a, b) => a.depth - b.depth);

  for (const node of byDepth) {
    const nearer = (ref: string) =>
      ref !== node.ref && depth.get(ref) === node.depth - 1;
    for (const edge of ordered) {
      if (edge.to === node.ref && nearer(edge.from)) {
        parent.set(node.ref, edge.from);
        side.set(node.ref, 'downstream');
        break;
      }
      if (edge.from === node.ref && nearer(edge.to)) {
        parent.set(node.ref, edge.to);
        side.set(node.ref, 'upstream');
        break;
      }
    }
    const from = parent.get(node.ref);
    if (from !== undefined) {
      const own = side.get(node.ref)!;
      branch.set(
        node.ref,
        from === lineage.root ? own : branch.get(from) ?? own,
      );
    }
  }
  return { parent, side, branch };
}

/**
 * What the graph draws: each node's first `max` children on each side, and
 * the rest grouped under one "+N more" node, unless that group was expanded.
 * Nodes below a grouped child are left out with it. Edges that close a cycle
 * are labelled so.
 */
export function collapseSiblings(
  lineage: Pick<Lineage, 'root' | 'nodes' | 'edges'>,
  options: { max?: number; expanded?: ReadonlySet<string> } = {},
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const max = options.max ?? MAX_SIBLINGS;
  const expanded = options.expanded ?? new Set<string>();
  const tree = lineageTree(lineage);

  // Children of each parent on each side, in the order the answer gave them.
  const groups = new Map<
    string,
    { parent: string; side: Side; children: string[] }
  >();
  for (const node of lineage.nodes) {
    const parent = tree.parent.get(node.ref);
    const side = tree.side.get(node.ref);
    if (parent === undefined || side === undefined) {
      continue;
    }
    const id = moreId(parent, side);
    const group = groups.get(id) ?? { parent, side, children: [] };
    group.children.push(node.ref);
    groups.set(id, group);
  }

  const grouped = new Set<string>();
  const collapsed: Array<{
    id: string;
    parent: string;
    side: Side;
    count: number;
  }> = [];
  for (const [id, group] of groups) {
    if (group.children.length > max && !expanded.has(id)) {
      const rest = group.children.slice(max);
      rest.forEach(ref => grouped.add(ref));
      collapsed.push({
        id,
        parent: group.parent,
        side: group.side,
        count: rest.length,
      });
    }
  }

  const visible = new Set<string>([lineage.root]);
  const byDepth = [...lineage.nodes].sort((a, b) => a.depth - b.depth);
  for (const node of byDepth) {
    const parent = tree.parent.get(node.ref);
    if (node.ref === lineage.root || parent === undefined) {
      visible.add(node.ref);
    } else if (visible.has(parent) && !grouped.has(node.ref)) {
      visible.add(node.ref);
    }
  }

  const nodes: GraphNode[] = lineage.nodes
    .filter(node => visible.has(node.ref))
    .map(node => ({
      id: node.ref,
      title: node.title,
      kind: node.kind,
      district: node.district,
      depth: node.depth,
      isRoot: node.ref === lineage.root,
      parent: tree.parent.get(node.ref),
      side: tree.side.get(node.ref),
    }));
  const edges: GraphEdge[] = lineage.edges
    .filter(edge => visible.has(edge.from) && visible.has(edge.to))
    .map(edge => ({
      from: edge.from,
      to: edge.to,
      type: edge.type,
      closesCycle: edge.closesCycle,
      ...(edge.closesCycle && { label: CYCLE_LABEL }),
    }));

  const depthOf = new Map(lineage.nodes.map(node => [node.ref, node.depth]));
  for (const group of collapsed) {
    if (!visible.has(group.parent)) {
      continue;
    }
    nodes.push({
      id: group.id,
      title: `+${group.count} more`,
      kind: 'more',
      depth: (depthOf.get(group.parent) ?? 0) + 1,
      isRoot: false,
      parent: group.parent,
      side: group.side,
      hidden: group.count,
    });
    edges.push(
      group.side === 'upstream'
        ? { from: group.id, to: group.parent, closesCycle: false }
        : { from: group.parent, to: group.id, closesCycle: false },
    );
  }

  return { nodes, edges };
}
