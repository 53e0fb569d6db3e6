import { GraphNode, Side } from './collapseSiblings';

/** One line of the text outline, with the lines that hang from it. */
export interface OutlineEntry {
  /** A catalog entity, or a "+N more" stand-in for the siblings left out. */
  node: GraphNode;
  children: OutlineEntry[];
}

/** Siblings by title, numbers in titles counted, with "+N more" last. */
export function siblingOrder(a: GraphNode, b: GraphNode): number {
  return (
    Number(a.kind === 'more') - Number(b.kind === 'more') ||
    a.title.localeCompare(b.title, 'en-US', { numeric: true })
  );
}

/**
 * The graph's nodes as an outline, each under the node it hangs from, so
 * that the text shows what the graph shows and groups siblings the same
 * way. Siblings are ordered by title, with any "+N more" last.
 */
export function lineageOutline(
  nodes: GraphNode[],
  root: string,
): Record<Side, OutlineEntry[]> {
  const byParent = new Map<string, GraphNode[]>();
  for (const node of nodes) {
    if (node.parent !== undefined) {
      byParent.set(node.parent, [...(byParent.get(node.parent) ?? []), node]);
    }
  }

  const entriesUnder = (parent: string): OutlineEntry[] =>
    [...(byParent.get(parent) ?? [])]
      .sort(siblingOrder)
      .map(node => ({ node, children: entriesUnder(node.id) }));

  const top = entriesUnder(root);
  return {
    upstream: top.filter(entry => entry.node.side === 'upstream'),
    downstream: top.filter(entry => entry.node.side === 'downstream'),
  };
}
