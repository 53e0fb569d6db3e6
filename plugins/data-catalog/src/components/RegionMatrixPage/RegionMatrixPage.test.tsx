import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  GapSummary,
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { DataCatalogApi, dataCatalogApiRef, RegionMatrix } from '../../api';
import { downloadCsv } from '../../lib/csv';
import { rootRouteRef } from '../../routes';
import { RegionMatrixPage } from './RegionMatrixPage';

jest.mock('../../lib/csv', () => ({
  ...jest.requireActual('../../lib/csv'),
  downloadCsv: jest.fn(),
}));

// A 770-district matrix takes seconds to render and sort in jsdom on a
// loaded two-core machine; the default five-second cap made this flaky.
jest.setTimeout(30_000);

const WORDS: Record<IndicatorStatus, string> = {
  available: 'Available',
  partial: 'Partial',
  missing: 'Missing',
  'not-applicable': 'Not applicable',
};

const pad = (n: number) => String(n).padStart(3, '0');

function counts(statuses: IndicatorStatus[]): Record<IndicatorStatus, number> {
  const result = { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
  for (const status of statuses) result[status] += 1;
  return result;
}

/**
 * A region of the given size with seeded statuses, about half available.
 * Districts are listed from the last to the first, so that the page's
 * sorting by name is seen to do something.
 */
function generateMatrix(
  districtCount: number,
  indicatorCount: number,
): RegionMatrix {
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = (): IndicatorStatus => {
    const r = random();
    if (r < 0.5) return 'available';
    if (r < 0.7) return 'partial';
    if (r < 0.95) return 'missing';
    return 'not-applicable';
  };

  const indicators = Array.from({ length: indicatorCount }, (_, i) => ({
    ref: `indicator:default/indicator-${pad(i)}`,
    title: `Indicator ${pad(i)} of personalized learning`,
    stage: INDICATOR_STAGES[i % 3],
    construct: INDICATOR_CONSTRUCTS[Math.floor(i / 3) % 6],
  }));
  const numbers = Array.from({ length: districtCount }, (_, d) => d + 1);
  numbers.reverse();
  const statuses = numbers.map(() => indicators.map(() => pick()));
  const summary = {} as GapSummary;

  return {
    refreshedAt: '2025-03-01T12:00:00.000Z',
    districts: numbers.map(n => ({
      ref: `group:default/district-${pad(n)}`,
      title: `District ${pad(n)}`,
      summary,
    })),
    indicators: indicators.map((indicator, i) => ({
      ...indicator,
      counts: counts(statuses.map(row => row[i])),
    })),
    statuses,
  };
}

function mockApi(
  getRegionMatrix: DataCatalogApi['getRegionMatrix'],
): Partial<DataCatalogApi> {
  return { getRegionMatrix: jest.fn(getRegionMatrix) };
}

async function renderPage(api: Partial<DataCatalogApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
      <RegionMatrixPage />
    </TestApiProvider>,
    { mountedRoutes: { '/data-catalog': rootRouteRef } },
  );
}

/** The row of the matrix that a district's link is in. */
function rowOf(districtTitle: string): HTMLElement {
  const link = screen.getByRole('link', { name: districtTitle });
  return link.closest('[role="row"]') as HTMLElement;
}

/** The text of a row's cell under the column header with the given name. */
function cellUnder(row: HTMLElement, header: string): string {
  const column = screen
    .getByRole('columnheader', { name: header })
    .getAttribute('aria-colindex');
  return row.querySelector(`[aria-colindex="${column}"]`)!.textContent!;
}

/** The district named in the first data row, below the four header rows. */
function firstDistrict(): string {
  const grid = screen.getByRole('grid', { name: 'Districts by indicators' });
  const first = grid.querySelector('[role="row"][aria-rowindex="5"]');
  return within(first as HTMLElement).getByRole('link').textContent!;
}

// jsdom lays nothing out; the matrix measures its frame to size the window.
const sizes = { clientWidth: 1200, clientHeight: 600 };
beforeAll(() => {
  for (const [property, value] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get: () => value,
    });
  }
});
afterAll(() => {
  for (const property of Object.keys(sizes)) {
    delete (HTMLElement.prototype as any)[property];
  }
});

describe('RegionMatrixPage', () => {
  const matrix = generateMatrix(770, 200);
  const indexOf = (n: number) => matrix.districts.length - n;
  const district1 = matrix.statuses[indexOf(1)];

  beforeEach(() => jest.mocked(downloadCsv).mockClear());

  it('renders only a window of a 770 by 200 matrix', async () => {
    await renderPage(mockApi(async () => matrix));

    const grid = await screen.findByRole('grid', {
      name: 'Districts by indicators',
    });
    expect(grid).toHaveAttribute('aria-rowcount', String(4 + 770));
    expect(grid).toHaveAttribute('aria-colcount', String(1 + 200 + 3));

    const cells = grid.querySelectorAll('[role="gridcell"][data-cell]');
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.length).toBeLessThan(2000);
    const rendered = grid.querySelectorAll('[role="row"][aria-rowindex]');
    expect(rendered.length).toBeLessThan(60);
    expect(screen.getByRole('link', { name: 'District 001' })).toBeVisible();
    expect(screen.queryByText('District 770')).not.toBeInTheDocument();
  });

  it('labels each cell with its district, indicator and status', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });

    // Indicator 000 is the first access indicator of the first construct,
    // so it leads when columns are grouped by stage.
    const label = `District 001, Indicator 000 of personalized learning: ${
      WORDS[district1[0]]
    }`;
    const cell = screen.getByLabelText(label);
    expect(cell).toHaveAttribute('title', label);
    expect(cell).toHaveTextContent(
      { available: 'A', partial: 'P', missing: 'M', 'not-applicable': '–' }[
        district1[0]
      ],
    );
    expect(screen.getByRole('link', { name: 'District 001' })).toHaveAttribute(
      'href',
      '/data-catalog/districts?district=district-001',
    );
  });

  it('totals each district and each indicator', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });

    const expected = counts(district1);
    const row = rowOf('District 001');
    expect(cellUnder(row, 'Available')).toBe(String(expected.available));
    expect(cellUnder(row, 'Partial')).toBe(String(expected.partial));
    expect(cellUnder(row, 'Missing')).toBe(String(expected.missing));
    expect(
      expected.available + expected.partial + expected.missing,
    ).toBeLessThan(200);

    const firstIndicator = counts(matrix.statuses.map(r => r[0]));
    for (const status of ['available', 'partial', 'missing'] as const) {
      const countRow = screen
        .getByRole('rowheader', {
          name: `Districts where ${WORDS[status].toLowerCase()}`,
        })
        .closest('[role="row"]') as HTMLElement;
      expect(countRow.querySelector('[aria-colindex="2"]')!.textContent).toBe(
        String(firstIndicator[status]),
      );
    }
  });

  it('sorts districts by name and by the number available', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });
    const user = userEvent.setup();

    expect(firstDistrict()).toBe('District 001');

    const ranked = matrix.districts
      .map((d, i) => ({
        title: d.title,
        available: counts(matrix.statuses[i]).available,
      }))
      .sort(
        (a, b) => b.available - a.available || a.title.localeCompare(b.title),
      );
    await user.click(screen.getByRole('button', { name: 'Available' }));
    expect(firstDistrict()).toBe(ranked[0].title);
    expect(cellUnder(rowOf(ranked[0].title), 'Available')).toBe(
      String(ranked[0].available),
    );

    await user.click(screen.getByRole('button', { name: 'Available' }));
    const fewest = [...ranked].sort(
      (a, b) => a.available - b.available || a.title.localeCompare(b.title),
    );
    expect(firstDistrict()).toBe(fewest[0].title);

    await user.click(screen.getByRole('button', { name: 'District' }));
    expect(firstDistrict()).toBe('District 001');
    await user.click(screen.getByRole('button', { name: 'District' }));
    expect(firstDistrict()).toBe('District 770');
    expect(
      screen.getByRole('columnheader', { name: 'District' }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters indicators by stage, and totals what is shown', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Stage'), 'outcomes');

    const outcomes = matrix.indicators
      .map((indicator, i) => ({ indicator, i }))
      .filter(({ indicator }) => indicator.stage === 'outcomes');
    expect(
      screen.getByText(`770 districts by ${outcomes.length} indicators.`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    const titles = screen
      .getAllByRole('columnheader')
      .map(header => header.getAttribute('title'))
      .filter(Boolean);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      expect(title).toMatch(/\(Outcomes, /);
    }
    const expected = counts(outcomes.map(({ i }) => district1[i]));
    expect(cellUnder(rowOf('District 001'), 'Available')).toBe(
      String(expected.available),
    );
  });

  it('moves between cells with the arrow keys', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });
    const user = userEvent.setup();

    const start = screen.getByLabelText(/^District 001, Indicator 000 /);
    expect(start).toHaveAttribute('tabindex', '0');
    act(() => start.focus());
    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute(
        'aria-label',
        expect.stringMatching(/^District 002, Indicator 000 /),
      ),
    );
    // Next to Indicator 000 is the next one of the same stage and
    // construct: every third indicator has the same stage, and constructs
    // take turns three indicators at a time.
    await user.keyboard('{ArrowRight}');
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute(
        'aria-label',
        expect.stringMatching(/^District 002, Indicator 018 /),
      ),
    );
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(start));
  });

  it('downloads the matrix as shown, with the totals', async () => {
    await renderPage(mockApi(async () => matrix));
    await screen.findByRole('grid', { name: 'Districts by indicators' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Download CSV/ }));

    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [fileName, rows] = jest.mocked(downloadCsv).mock.calls[0];
    expect(fileName).toBe('region-matrix.csv');
    expect(rows).toHaveLength(771);
    expect(rows[0]).toHaveLength(1 + 200 + 3);
    expect(rows[0][0]).toBe('District');
    expect(rows[0][1]).toBe('Indicator 000 of personalized learning');
    expect(rows[0].slice(-3)).toEqual(['Available', 'Partial', 'Missing']);
    const expected = counts(district1);
    expect(rows[1][0]).toBe('District 001');
    expect(rows[1][1]).toBe(WORDS[district1[0]]);
    expect(rows[1].slice(-3)).toEqual([
      String(expected.available),
      String(expected.partial),
      String(expected.missing),
    ]);
  });

  it('sums the region per stage and construct', async () => {
    await renderPage(mockApi(async () => matrix));
    const table = await screen.findByRole('table', { name: 'Region by stage' });

    const access = matrix.indicators.filter(i => i.stage === 'access');
    const available = access.reduce((n, i) => n + i.counts.available, 0);
    const row = within(table).getByRole('row', { name: /^Access/ });
    expect(within(row).getByText(String(access.length))).toBeInTheDocument();
    expect(row).toHaveTextContent(available.toLocaleString('en-US'));
    expect(
      screen.getByRole('table', { name: 'Region by construct' }),
    ).toHaveTextContent('Competency-based progression');
  });

  it('says what to add when there are no districts or no indicators', async () => {
    const { unmount } = await renderPage(
      mockApi(async () => ({ districts: [], indicators: [], statuses: [] })),
    );
    expect(
      await screen.findByText('No districts in the catalog yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Group entity of type district/)).toBeVisible();
    unmount();

    const small = generateMatrix(3, 0);
    await renderPage(mockApi(async () => small));
    expect(
      await screen.findByText('No indicators in the catalog yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('shows the error when the matrix cannot be loaded', async () => {
    await renderPage(
      mockApi(async () => {
        throw new Error('The catalog has not been read yet');
      }),
    );

    expect(
      await screen.findByText('Error: The catalog has not been read yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });
});
