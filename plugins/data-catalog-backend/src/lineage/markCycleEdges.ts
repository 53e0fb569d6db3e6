/**
 * Finds the edges that close a cycle: with a depth-first walk over the
 * edges found, an edge is marked when it leads back to a node still on the
 * walk's path. Iterative, so a long chain cannot overflow the stack, and
 * each node is entered once, so a cycle cannot make it loop.
 *
 * Returns one flag per edge, in the order given.
 */
export function markCycleEdges(
  root: string,
  edges: Array<{ from: string; to: string }>,
): boolean[] {
  const outgoing = new Map<string, number[]>();
  edges.forEach((edge, index) => {
    const list = outgoing.get(edge.from) ?? [];
    list.push(index);
    outgoing.set(edge.from, list);
  });

  const marks = edges.map(() => false);
  const state = new Map<string, 'open' | 'done'>();
  // Start from the root, then from anything the root's walk did not reach
  // (upstream nodes point towards the root, not away from it).
  const starts = [root, ...edges.map(e => e.from)];

  for (const start of starts) {
    if (state.has(start)) {
      continue;
    }
    const stack: Array<{ node: string; next: number }> = [
      { node: start, next: 0 },
    ];
    state.set(start, 'open');

    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const out = outgoing.get(top.node) ?? [];
      if (top.next >= out.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const index = out[top.next++];
      const target = edges[index].to;
      const seen = state.get(target);
      if (seen === 'open') {
        marks[index] = true;
      } else if (!seen) {
        state.set(target, 'open');
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return marks;
}
