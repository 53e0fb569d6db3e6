import { Lineage, LineageEdge, LineageNode } from '../../api';
import {
  collapseSiblings,
  CYCLE_LABEL,
  lineageTree,
  moreId,
} from './collapseSiblings';

const ROOT = 'datasource:default/cedar-point-sis';

function node(
  ref: string,
  depth: number,
  kind: LineageNode['kind'] = 'datasource',
): LineageNode {
  return { ref, kind, title: ref.split('/')[1], depth };
}

function edge(
  from: string,
  to: string,
  type: LineageEdge['type'] = 'feeds',
  closesCycle = false,
): LineageEdge {
  return { from, to, type, closesCycle };
}

/** A source that provides `count` elements, each needed by one indicator. */
function sourceWithElements(
  count: number,
): Pick<Lineage, 'root' | 'nodes' | 'edges'> {
  const elements = Array.from(
    { length: count },
    (_, i) => `dataelement:default/element-${i + 1}`,
  );
  return {
    root: ROOT,
    nodes: [
      node(ROOT, 0),
      ...elements.map(ref => node(ref, 1, 'dataelement')),
      ...elements.map((_, i) =>
        node(`indicator:default/indicator-${i + 1}`, 2, 'indicator'),
      ),
    ],
    edges: [
      ...elements.map(ref => edge(ROOT, ref, 'provides')),
      ...elements.map((ref, i) =>
        edge(ref, `indicator:default/indicator-${i + 1}`, 'requires'),
      ),
    ],
  };
}

const ids = (nodes: Array<{ id: string }>) => nodes.map(n => n.id);

describe('collapseSiblings', () => {
  it('keeps a small lineage as it is', () => {
    const lineage = sourceWithElements(8);

    const graph = collapseSiblings(lineage);

    expect(graph.nodes).toHaveLength(17);
    expect(graph.edges).toHaveLength(16);
    expect(graph.nodes.some(n => n.kind === 'more')).toBe(false);
  });

  it('groups the children beyond eight under one "+N more" node', () => {
    const lineage = sourceWithElements(11);

    const graph = collapseSiblings(lineage);

    const more = graph.nodes.find(n => n.kind === 'more')!;
    expect(more).toEqual(
      expect.objectContaining({
        id: moreId(ROOT, 'downstream'),
        title: '+3 more',
        hidden: 3,
      }),
    );
    expect(graph.edges).toContainEqual({
      from: ROOT,
      to: more.id,
      closesCycle: false,
    });
    // The first eight elements stay, with the indicators below them.
    expect(ids(graph.nodes)).toContain('dataelement:default/element-8');
    expect(ids(graph.nodes)).toContain('indicator:default/indicator-8');
    // The grouped elements go, and so do the nodes below them.
    expect(ids(graph.nodes)).not.toContain('dataelement:default/element-9');
    expect(ids(graph.nodes)).not.toContain('indicator:default/indicator-9');
    expect(
      graph.edges.some(
        e =>
          e.from === 'dataelement:default/element-11' ||
          e.to === 'dataelement:default/element-11',
      ),
    ).toBe(false);
    expect(graph.nodes).toHaveLength(1 + 8 + 8 + 1);
  });

  it('shows every child once the group is expanded', () => {
    const lineage = sourceWithElements(11);

    const graph = collapseSiblings(lineage, {
      expanded: new Set([moreId(ROOT, 'downstream')]),
    });

    expect(graph.nodes.some(n => n.kind === 'more')).toBe(false);
    expect(graph.nodes).toHaveLength(1 + 11 + 11);
  });

  it('groups upstream and downstream children of a node apart', () => {
    const upstream = Array.from(
      { length: 10 },
      (_, i) => `datasource:default/up-${i}`,
    );
    const lineage = {
      root: ROOT,
      nodes: [
        node(ROOT, 0),
        ...upstream.map(ref => node(ref, 1)),
        node('datasource:default/warehouse', 1),
      ],
      edges: [
        ...upstream.map(ref => edge(ref, ROOT)),
        edge(ROOT, 'datasource:default/warehouse'),
      ],
    };

    const graph = collapseSiblings(lineage);

    expect(ids(graph.nodes)).toContain('datasource:default/warehouse');
    expect(graph.edges).toContainEqual({
      from: moreId(ROOT, 'upstream'),
      to: ROOT,
      closesCycle: false,
    });
    expect(graph.nodes.find(n => n.kind === 'more')?.hidden).toBe(2);
  });

  it('groups the children of nodes further out too', () => {
    const hub = 'datasource:default/regional-warehouse';
    const spokes = Array.from(
      { length: 9 },
      (_, i) => `datasource:default/spoke-${i}`,
    );
    const lineage = {
      root: ROOT,
      nodes: [node(ROOT, 0), node(hub, 1), ...spokes.map(ref => node(ref, 2))],
      edges: [edge(ROOT, hub), ...spokes.map(ref => edge(hub, ref))],
    };

    const graph = collapseSiblings(lineage);

    expect(graph.nodes.find(n => n.kind === 'more')).toEqual(
      expect.objectContaining({
        id: moreId(hub, 'downstream'),
        hidden: 1,
        depth: 2,
      }),
    );
  });

  it('labels edges that close a cycle', () => {
    const iep = 'datasource:default/cedar-point-iep-direct';
    const lineage = {
      root: ROOT,
      nodes: [node(ROOT, 0), node(iep, 1)],
      edges: [edge(iep, ROOT), edge(ROOT, iep, 'feeds', true)],
    };

    const graph = collapseSiblings(lineage);

    expect(graph.edges).toEqual([
      { from: iep, to: ROOT, type: 'feeds', closesCycle: false },
      {
        from: ROOT,
        to: iep,
        type: 'feeds',
        closesCycle: true,
        label: CYCLE_LABEL,
      },
    ]);
    // The node hangs from the edge that does not close the cycle.
    expect(lineageTree(lineage).side.get(iep)).toBe('upstream');
  });
});

describe('lineageTree', () => {
  it('says on which side of the root each branch lies', () => {
    const lineage = {
      root: 'dataelement:default/daily-attendance-status',
      nodes: [
        node('dataelement:default/daily-attendance-status', 0, 'dataelement'),
        node(ROOT, 1),
        node('datasource:default/attendance-kiosk', 2),
        node('indicator:default/chronic-absenteeism-rate', 1, 'indicator'),
      ],
      edges: [
        edge(ROOT, 'dataelement:default/daily-attendance-status', 'provides'),
        edge('datasource:default/attendance-kiosk', ROOT),
        edge(
          'dataelement:default/daily-attendance-status',
          'indicator:default/chronic-absenteeism-rate',
          'requires',
        ),
      ],
    };

    const tree = lineageTree(lineage);

    expect(tree.branch.get(ROOT)).toBe('upstream');
    expect(tree.branch.get('datasource:default/attendance-kiosk')).toBe(
      'upstream',
    );
    expect(tree.parent.get('datasource:default/attendance-kiosk')).toBe(ROOT);
    expect(tree.branch.get('indicator:default/chronic-absenteeism-rate')).toBe(
      'downstream',
    );
  });
});
