import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataCatalogApi, dataCatalogApiRef, Lineage } from '../../api';
import { LineageCard } from './LineageCard';

// MUI selects, popovers and tables are slow in jsdom, more so on a busy
// machine: no delay between keys, and room beyond jest's five seconds.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

// DependencyGraph lays nodes out with getBBox, which jsdom lacks; this
// stand-in draws every node and edge label through the card's renderers.

const ROOT = 'datasource:default/cedar-point-sis';
const IEP = 'datasource:default/cedar-point-iep-direct';
const WAREHOUSE = 'datasource:default/northlake-regional-data-warehouse';

const entity: Entity = {
  apiVersion: 'datacatalog.k12.dev/v1alpha1',
  kind: 'DataSource',
  metadata: { name: 'cedar-point-sis', title: 'Cedar Point Infinite Campus' },
  spec: {
    type: 'sis',
    category: 'administrative',
    lifecycle: 'production',
    owner: 'group:cedar-point-it',
    district: 'group:cedar-point',
    access: { method: 'api', frequency: 'daily' },
    linkableByStudentId: true,
    coverage: { grades: ['K'], years: ['2024-25'] },
    privacy: 'sensitive-pii',
  },
};

function lineage(overrides: Partial<Lineage> = {}): Lineage {
  return {
    root: ROOT,
    direction: 'both',
    depth: 2,
    limit: 200,
    nodes: [
      {
        ref: ROOT,
        kind: 'datasource',
        title: 'Cedar Point Infinite Campus',
        depth: 0,
      },
      {
        ref: IEP,
        kind: 'datasource',
        title: 'Cedar Point IEP Direct',
        depth: 1,
      },
      {
        ref: WAREHOUSE,
        kind: 'datasource',
        title: 'Regional data warehouse',
        depth: 1,
      },
      {
        ref: 'dataelement:default/disability-status',
        kind: 'dataelement',
        title: 'Disability status',
        depth: 1,
      },
    ],
    edges: [
      { from: IEP, to: ROOT, type: 'feeds', closesCycle: false },
      { from: ROOT, to: WAREHOUSE, type: 'feeds', closesCycle: false },
      { from: ROOT, to: IEP, type: 'feeds', closesCycle: true },
      {
        from: ROOT,
        to: 'dataelement:default/disability-status',
        type: 'provides',
        closesCycle: false,
      },
    ],
    truncated: 0,
    ...overrides,
  };
}

function mockApi(answer: Lineage = lineage()): jest.Mocked<DataCatalogApi> {
  return {
    listDistricts: jest.fn(),
    getDistrictGaps: jest.fn(),
    getDistrictIndicatorGaps: jest.fn(),
    getIndicatorAvailability: jest.fn(),
    getRegionMatrix: jest.fn(),
    getLineage: jest.fn().mockResolvedValue(answer),
    getProgress: jest.fn(),
    getStatusChanges: jest.fn(),
    compareElements: jest.fn(),
    getSourceAnnotation: jest.fn(),
    putSourceAnnotation: jest.fn(),
    getIndicatorAnnotation: jest.fn(),
    putIndicatorAnnotation: jest.fn(),
    listActionItems: jest.fn(),
    createActionItem: jest.fn(),
    updateActionItem: jest.fn(),
    listHistory: jest.fn(),
    getWriteAccess: jest.fn(),
    getWorkbook: jest.fn(),
  };
}

async function renderCard(api: DataCatalogApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
      <EntityProvider entity={entity}>
        <LineageCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

async function choose(select: RegExp, option: RegExp | string) {
  await user.click(screen.getByRole('button', { name: select }));
  const listbox = await screen.findByRole('listbox');
  await user.click(within(listbox).getByRole('option', { name: option }));
}

// DependencyGraph sizes nodes and labels with getBBox, which jsdom lacks;
// a fixed box lets the real graph lay out and draw through our renderers.
const svgPrototype = window.SVGElement.prototype as any;
beforeAll(() => {
  svgPrototype.getBBox = () => ({ x: 0, y: 0, width: 120, height: 40 });
});
afterAll(() => {
  delete svgPrototype.getBBox;
});

/** The graph's node groups; `node` is the test id DependencyGraph sets. */
const graphNodes = (graph: HTMLElement) => within(graph).getAllByTestId('node');

describe('LineageCard', () => {
  it('asks for the lineage with the chosen direction and depth', async () => {
    const api = mockApi();
    await renderCard(api);

    await screen.findByRole('group', { name: /Lineage graph/ });
    expect(api.getLineage).toHaveBeenLastCalledWith(ROOT, {
      direction: 'both',
      depth: 2,
      limit: 200,
    });

    await choose(/Direction/, 'Upstream: what feeds this');
    await waitFor(() =>
      expect(api.getLineage).toHaveBeenLastCalledWith(ROOT, {
        direction: 'upstream',
        depth: 2,
        limit: 200,
      }),
    );

    await choose(/Depth in hops/, '4');
    await waitFor(() =>
      expect(api.getLineage).toHaveBeenLastCalledWith(ROOT, {
        direction: 'upstream',
        depth: 4,
        limit: 200,
      }),
    );
  });

  it('draws each node with its title and kind, linked to its page', async () => {
    await renderCard(mockApi());

    const graph = await screen.findByRole('group', { name: /Lineage graph/ });
    expect(graphNodes(graph)).toHaveLength(4);
    const iep = within(graph).getByRole('link', {
      name: 'Cedar Point IEP Direct, data source',
    });
    expect(iep).toHaveAttribute(
      'href',
      '/catalog/default/datasource/cedar-point-iep-direct',
    );
    expect(iep).toHaveTextContent('Cedar Point IEP DirectData source');
    expect(
      within(graph).getByRole('link', {
        name: 'Disability status, data element',
      }),
    ).toHaveAttribute('href', '/catalog/default/dataelement/disability-status');
    // The root is drawn, but not as a link to the page already open.
    expect(
      within(graph).getByText('Cedar Point Infinite Campus'),
    ).toBeInTheDocument();
    expect(
      within(graph).queryByRole('link', {
        name: /Cedar Point Infinite Campus/,
      }),
    ).not.toBeInTheDocument();
  });

  it('labels and lists the edge that closes a cycle', async () => {
    await renderCard(mockApi());

    const graph = await screen.findByRole('group', { name: /Lineage graph/ });
    expect(within(graph).getAllByText(/closes a cycle/)).toHaveLength(1);
    const cycles = screen.getByRole('list', {
      name: 'Edges that close a cycle',
    });
    expect(
      within(cycles)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Cedar Point Infinite Campus feeds Cedar Point IEP Direct, which closes a cycle',
    ]);
  });

  it('lists upstream and downstream nodes as text', async () => {
    await renderCard(mockApi());

    const upstream = await screen.findByRole('list', {
      name: 'Upstream: what feeds Cedar Point Infinite Campus (1)',
    });
    expect(
      within(upstream)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['Cedar Point IEP Direct, data source, 1 hop away']);
    const downstream = screen.getByRole('list', {
      name: 'Downstream: what Cedar Point Infinite Campus feeds (2)',
    });
    expect(
      within(downstream)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Disability status, data element, 1 hop away',
      'Regional data warehouse, data source, 1 hop away',
    ]);
    expect(
      within(downstream).getByRole('link', { name: 'Regional data warehouse' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/datasource/northlake-regional-data-warehouse',
    );
  });

  /** A source providing `count` elements, nothing else around it. */
  function withElements(count: number): Lineage {
    const elements = Array.from({ length: count }, (_, i) => ({
      ref: `dataelement:default/element-${String(i + 1).padStart(2, '0')}`,
      kind: 'dataelement' as const,
      title: `Element ${i + 1}`,
      depth: 1,
    }));
    return lineage({
      direction: 'downstream',
      nodes: [lineage().nodes[0], ...elements],
      edges: elements.map(e => ({
        from: ROOT,
        to: e.ref,
        type: 'provides' as const,
        closesCycle: false,
      })),
    });
  }

  const downstreamList = () =>
    screen.getByRole('list', {
      name: 'Downstream: what Cedar Point Infinite Campus feeds (12)',
    });

  /** The titles of a list's own items, "Show N more" lines included. */
  const itemsOf = (list: HTMLElement) =>
    Array.from(list.children, item => item.textContent);

  it('groups siblings beyond eight and expands them on click', async () => {
    await renderCard(mockApi(withElements(12)));

    const graph = await screen.findByRole('group', { name: /Lineage graph/ });
    expect(graphNodes(graph)).toHaveLength(1 + 8 + 1);
    expect(within(graph).queryByText('Element 9')).not.toBeInTheDocument();
    // The text list groups the same siblings.
    expect(itemsOf(downstreamList())).toHaveLength(9);
    expect(downstreamList()).not.toHaveTextContent('Element 9');

    await user.click(
      within(graph).getByRole('button', { name: 'Show 4 more' }),
    );

    expect(graphNodes(graph)).toHaveLength(1 + 12);
    expect(within(graph).getByText('Element 12')).toBeInTheDocument();
    expect(
      within(graph).queryByRole('button', { name: /more/ }),
    ).not.toBeInTheDocument();
    expect(itemsOf(downstreamList())).toHaveLength(12);
  });

  it('keeps the text list short and opens a group from the keyboard', async () => {
    await renderCard(mockApi(withElements(12)));
    await screen.findByRole('group', { name: /Lineage graph/ });

    expect(itemsOf(downstreamList())).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(
        i => `Element ${i}, data element, 1 hop away`,
      ),
      'Show 4 more',
    ]);
    const more = within(downstreamList()).getByRole('button', {
      name: 'Show 4 more under Cedar Point Infinite Campus',
    });
    more.focus();
    await user.keyboard('{Enter}');

    expect(itemsOf(downstreamList())).toHaveLength(12);
    expect(downstreamList()).toHaveTextContent(
      'Element 12, data element, 1 hop away',
    );
    // Focus moves to the first element the group held back.
    expect(
      within(downstreamList()).getByRole('link', { name: 'Element 9' }),
    ).toHaveFocus();
    // The graph opened the same group.
    const graph = screen.getByRole('group', { name: /Lineage graph/ });
    expect(within(graph).getByText('Element 12')).toBeInTheDocument();
  });

  it('lists each node under the node it was reached from', async () => {
    const sirs = 'datasource:default/cedar-point-sirs-extract';
    const base = lineage();
    await renderCard(
      mockApi(
        lineage({
          nodes: [
            ...base.nodes,
            { ref: sirs, kind: 'datasource', title: 'SIRS extract', depth: 2 },
          ],
          edges: [
            ...base.edges,
            { from: WAREHOUSE, to: sirs, type: 'feeds', closesCycle: false },
          ],
        }),
      ),
    );

    const downstream = await screen.findByRole('list', {
      name: 'Downstream: what Cedar Point Infinite Campus feeds (3)',
    });
    const warehouse = within(downstream)
      .getByRole('link', { name: 'Regional data warehouse' })
      .closest('li')!;
    expect(
      within(warehouse).getByRole('link', { name: 'SIRS extract' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/datasource/cedar-point-sirs-extract',
    );
    expect(warehouse).toHaveTextContent(
      'SIRS extract, data source, 2 hops away',
    );
  });

  /** The size the graph laid its drawing out at. */
  const drawnHeight = (graph: HTMLElement) =>
    Number(graph.querySelector('g > svg')!.getAttribute('height'));

  it('keeps the graph at its usual height around a few nodes', async () => {
    await renderCard(mockApi(lineage()));

    const graph = await screen.findByRole('group', { name: /Lineage graph/ });
    await waitFor(() => expect(drawnHeight(graph)).toBeGreaterThan(0));
    expect(graph).toHaveStyle({ height: '480px' });
  });

  it('grows the graph with the nodes it draws, so labels keep their size', async () => {
    await renderCard(mockApi(withElements(12)));
    const graph = await screen.findByRole('group', { name: /Lineage graph/ });
    // Nine nodes in a column: taller than the usual box.
    await waitFor(() => expect(drawnHeight(graph)).toBeGreaterThan(480));
    await waitFor(() =>
      expect(graph).toHaveStyle({ height: `${drawnHeight(graph) + 16}px` }),
    );
    const before = drawnHeight(graph);

    await user.click(
      within(graph).getByRole('button', { name: 'Show 4 more' }),
    );

    await waitFor(() => expect(drawnHeight(graph)).toBeGreaterThan(before));
    await waitFor(() =>
      expect(graph).toHaveStyle({ height: `${drawnHeight(graph) + 16}px` }),
    );
  });

  it('says how many nodes were left out and fetches more on request', async () => {
    const api = mockApi(lineage({ truncated: 37 }));
    await renderCard(api);

    expect(await screen.findByText('+37 more not shown')).toBeInTheDocument();
    api.getLineage.mockResolvedValue(lineage({ truncated: 0, limit: 1000 }));
    await user.click(screen.getByRole('button', { name: 'Show up to 1,000' }));

    await waitFor(() =>
      expect(api.getLineage).toHaveBeenLastCalledWith(ROOT, {
        direction: 'both',
        depth: 2,
        limit: 1000,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByText(/more not shown/)).not.toBeInTheDocument(),
    );
  });

  it('says so when there is no lineage', async () => {
    await renderCard(
      mockApi(lineage({ nodes: [lineage().nodes[0]], edges: [] })),
    );

    expect(
      await screen.findByText(
        /No lineage recorded around Cedar Point Infinite Campus within 2 hops/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: /Lineage graph/ }),
    ).not.toBeInTheDocument();
  });

  it('shows a failure to load', async () => {
    const api = mockApi();
    api.getLineage.mockRejectedValue(
      new Error(
        'No data source, element or indicator datasource:default/cedar-point-sis in the catalog',
      ),
    );
    await renderCard(api);

    expect(
      (await screen.findAllByText(/No data source, element or indicator/))[0],
    ).toBeInTheDocument();
  });
});
