import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  DataCatalogApi,
  dataCatalogApiRef,
  ElementComparison,
  Holding,
} from '../../api';
import { downloadCsv } from '../../lib/csv';
import { ElementComparisonPage } from './ElementComparisonPage';

jest.mock('../../lib/csv', () => ({
  ...jest.requireActual('../../lib/csv'),
  downloadCsv: jest.fn(),
}));

const ALIKE = 'Alike across the region: same product';

const districts = [
  { ref: 'group:default/sodus', title: 'Sodus Central School District' },
  { ref: 'group:default/gananda', title: 'Gananda Central School District' },
  { ref: 'group:default/marion', title: 'Marion Central School District' },
  { ref: 'group:default/waterloo', title: 'Waterloo Central School District' },
  {
    ref: 'group:default/williamson',
    title: 'Williamson Central School District',
  },
];

function holding(
  district: string,
  elementName: string,
  source: Partial<Holding> & { sourceTitle: string },
): Holding {
  return {
    element: `dataelement:default/${elementName}`,
    source: `datasource:default/${district}-${source.sourceTitle
      .toLowerCase()
      .replace(/\W+/g, '-')}`,
    district: `group:default/${district}`,
    lifecycle: 'production',
    field: elementName.replace(/-/g, '_'),
    status: 'available',
    grades: ['K', '1', '2', '3', '4', '5'],
    years: ['2023-24'],
    ...source,
  };
}

function element(
  name: string,
  title: string,
  fields: Partial<ElementComparison>,
  holdings: Holding[],
): ElementComparison {
  const byDistrict: Record<string, Holding[]> = {};
  for (const h of holdings) (byDistrict[h.district] ??= []).push(h);
  return {
    ref: `dataelement:default/${name}`,
    title,
    domain: 'attendance',
    subgroup: false,
    districts: byDistrict,
    districtCount: new Set(
      holdings.filter(h => h.lifecycle !== 'planned').map(h => h.district),
    ).size,
    vendors: [
      ...new Set(holdings.flatMap(h => (h.vendor ? [h.vendor] : []))),
    ].sort(),
    alike: false,
    ...fields,
  };
}

const schoolTool = {
  sourceTitle: 'SchoolTool SIS',
  vendor: 'SchoolTool Inc.',
  product: 'SchoolTool',
};

const items: ElementComparison[] = [
  element(
    'daily-attendance',
    'Daily attendance',
    { alike: true, cedsId: '000076' },
    districts.map(d => holding(nameOf(d.ref), 'daily-attendance', schoolTool)),
  ),
  element(
    'ela-scale-score',
    'ELA scale score on the state assessment',
    { domain: 'assessment' },
    [
      holding('gananda', 'ela-scale-score', {
        sourceTitle: 'NWEA MAP Growth',
        vendor: 'NWEA',
        product: 'MAP Growth',
      }),
      holding('sodus', 'ela-scale-score', {
        sourceTitle: 'i-Ready Diagnostic',
        vendor: 'Curriculum Associates',
        product: 'i-Ready',
        status: 'partial',
        grades: ['3', '4', '5'],
      }),
      holding('waterloo', 'ela-scale-score', {
        sourceTitle: 'Regional data warehouse extract',
        status: 'unusable',
      }),
    ],
  ),
  element(
    'iep-status',
    'IEP status (student with a disability)',
    { domain: 'program', subgroup: true },
    [
      holding('sodus', 'iep-status', {
        sourceTitle: 'IEP Direct',
        vendor: 'Frontline Education',
        product: 'IEP Direct',
      }),
      holding('williamson', 'iep-status', {
        sourceTitle: 'Frontline special education',
        vendor: 'Frontline Education',
        lifecycle: 'planned',
      }),
    ],
  ),
  element(
    'english-learner-status',
    'English language learner status',
    { domain: 'demographics', subgroup: true },
    districts.map((d, i) =>
      holding(
        nameOf(d.ref),
        'english-learner-status',
        i < 3
          ? schoolTool
          : {
              sourceTitle: 'PowerSchool SIS',
              vendor: 'PowerSchool',
              product: 'PowerSchool SIS',
            },
      ),
    ),
  ),
  element(
    'homeless-status',
    'Homeless status (McKinney-Vento)',
    { domain: 'demographics', subgroup: true, alike: true },
    [
      holding('marion', 'homeless-status', schoolTool),
      holding('gananda', 'homeless-status', schoolTool),
    ],
  ),
  element(
    'platform-minutes',
    'Minutes on a digital learning platform',
    { domain: 'digital-learning' },
    [],
  ),
];

function nameOf(ref: string): string {
  return ref.split('/')[1];
}

function mockApi(
  compareElements: DataCatalogApi['compareElements'],
): Partial<DataCatalogApi> {
  return { compareElements: jest.fn(compareElements) };
}

async function renderPage(api: Partial<DataCatalogApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
      <ElementComparisonPage />
    </TestApiProvider>,
  );
}

/** The titles of the elements in the table, top to bottom. */
function elementTitles(): string[] {
  const table = screen.getByRole('table', {
    name: 'Data elements by district',
  });
  return within(table)
    .queryAllByRole('rowheader')
    .map(header => within(header).getByRole('link').textContent!);
}

/** The table cell of an element's row under the named column. */
function cellFor(elementTitle: string, column: string): HTMLElement {
  const headers = screen
    .getAllByRole('columnheader')
    .map(header => header.textContent);
  const row = screen
    .getByRole('link', { name: elementTitle })
    .closest('tr') as HTMLElement;
  return row.children[headers.indexOf(column)] as HTMLElement;
}

describe('ElementComparisonPage', () => {
  const api = () => mockApi(async () => ({ districts, items }));

  beforeEach(() => jest.mocked(downloadCsv).mockClear());

  it('names the source and vendor holding each element in each district', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });

    const headers = screen
      .getAllByRole('columnheader')
      .map(header => header.textContent);
    expect(headers).toEqual([
      'Data element',
      'Districts holding',
      'Gananda Central School District',
      'Marion Central School District',
      'Sodus Central School District',
      'Waterloo Central School District',
      'Williamson Central School District',
    ]);

    const ela = 'ELA scale score on the state assessment';
    const gananda = cellFor(ela, 'Gananda Central School District');
    expect(gananda).toHaveTextContent('NWEA MAP Growth');
    expect(gananda).toHaveTextContent('NWEA · MAP Growth');
    const sodus = cellFor(ela, 'Sodus Central School District');
    expect(sodus).toHaveTextContent('i-Ready Diagnostic');
    expect(sodus).toHaveTextContent('Curriculum Associates · i-Ready');
    expect(within(sodus).getByText('Partial')).toBeInTheDocument();
    const waterloo = cellFor(ela, 'Waterloo Central School District');
    expect(waterloo).toHaveTextContent('Vendor not recorded');
    expect(within(waterloo).getByText('Unusable')).toBeInTheDocument();
    const marion = cellFor(ela, 'Marion Central School District');
    expect(marion).toHaveTextContent('—');
    expect(marion).toHaveTextContent('Not held');
    expect(cellFor(ela, 'Districts holding')).toHaveTextContent(
      '3 of 5from Curriculum Associates, NWEA',
    );

    const iep = 'IEP status (student with a disability)';
    expect(
      cellFor(iep, 'Williamson Central School District'),
    ).toHaveTextContent('Planned, not yet in use');
    expect(cellFor(iep, 'Districts holding')).toHaveTextContent('1 of 5');

    expect(screen.getByRole('link', { name: ela })).toHaveAttribute(
      'href',
      '/catalog/default/dataelement/ela-scale-score',
    );
  });

  it('marks the elements alike across the region', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });

    const marked = screen
      .getAllByText(ALIKE)
      .map(
        marker =>
          within(marker.closest('th') as HTMLElement).getByRole('link')
            .textContent,
      );
    expect(marked).toEqual([
      'Daily attendance',
      'Homeless status (McKinney-Vento)',
    ]);
    expect(cellFor('Daily attendance', 'Districts holding')).toHaveTextContent(
      '5 of 5',
    );
  });

  it('filters by domain and by subgroup elements', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });
    const user = userEvent.setup();

    expect(elementTitles()).toHaveLength(6);

    await user.selectOptions(screen.getByLabelText('Domain'), 'assessment');
    expect(elementTitles()).toEqual([
      'ELA scale score on the state assessment',
    ]);

    await user.selectOptions(screen.getByLabelText('Domain'), 'all');
    await user.click(screen.getByLabelText('Subgroup elements only'));
    expect(elementTitles()).toEqual([
      'English language learner status',
      'Homeless status (McKinney-Vento)',
      'IEP status (student with a disability)',
    ]);

    await user.selectOptions(screen.getByLabelText('Domain'), 'attendance');
    expect(elementTitles()).toEqual([]);
    expect(
      screen.getByText('No element matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Download CSV/ })).toBeDisabled();
  });

  it('shows only elements some districts lack when asked', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });
    const user = userEvent.setup();

    await user.click(
      screen.getByLabelText('Only elements some districts lack'),
    );

    // Held everywhere (attendance, English learners) or nowhere (platform
    // minutes) is not a gap a neighbour has closed.
    expect(elementTitles()).toEqual([
      'ELA scale score on the state assessment',
      'Homeless status (McKinney-Vento)',
      'IEP status (student with a disability)',
    ]);

    await user.click(screen.getByLabelText('Subgroup elements only'));
    expect(elementTitles()).toEqual([
      'Homeless status (McKinney-Vento)',
      'IEP status (student with a disability)',
    ]);
  });

  it('finds elements by title or CEDS ID', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Find an element'), '000076');
    expect(elementTitles()).toEqual(['Daily attendance']);
  });

  it('lets the reader choose the districts compared', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });
    const user = userEvent.setup();

    const chip = screen.getByRole('button', {
      name: 'Marion Central School District',
    });
    act(() => chip.focus());
    await user.keyboard('{Delete}');

    expect(
      screen.queryByRole('columnheader', {
        name: 'Marion Central School District',
      }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', {
        name: 'Sodus Central School District',
      }),
    ).toBeInTheDocument();
    // Counts are still out of every district in the region.
    expect(cellFor('Daily attendance', 'Districts holding')).toHaveTextContent(
      '5 of 5',
    );
  });

  it('downloads the elements shown with every district', async () => {
    await renderPage(api());
    await screen.findByRole('table', { name: 'Data elements by district' });
    const user = userEvent.setup();

    await user.click(
      screen.getByLabelText('Only elements some districts lack'),
    );
    await user.click(screen.getByRole('button', { name: /Download CSV/ }));

    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [fileName, rows] = jest.mocked(downloadCsv).mock.calls[0];
    expect(fileName).toBe('element-comparison.csv');
    expect(rows[0]).toEqual([
      'Element',
      'Reference',
      'CEDS ID',
      'Domain',
      'Subgroup attribute',
      'Districts holding',
      'Alike across the region',
      'Gananda Central School District',
      'Marion Central School District',
      'Sodus Central School District',
      'Waterloo Central School District',
      'Williamson Central School District',
    ]);
    expect(rows.map(row => row[0])).toEqual([
      'Element',
      'ELA scale score on the state assessment',
      'Homeless status (McKinney-Vento)',
      'IEP status (student with a disability)',
    ]);
    expect(rows[1]).toEqual([
      'ELA scale score on the state assessment',
      'dataelement:default/ela-scale-score',
      '',
      'Assessment',
      'No',
      '3 of 5',
      'No',
      'NWEA MAP Growth (NWEA · MAP Growth)',
      '',
      'i-Ready Diagnostic (Curriculum Associates · i-Ready, Partial)',
      'Regional data warehouse extract (Vendor not recorded, Unusable)',
      '',
    ]);
    expect(rows[2][6]).toBe('Yes');
  });

  it('says what to add when the catalog has no elements or districts', async () => {
    const { unmount } = await renderPage(
      mockApi(async () => ({ districts, items: [] })),
    );
    expect(
      await screen.findByText('No data elements in the catalog yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/DataElement entities/)).toBeInTheDocument();
    unmount();

    await renderPage(mockApi(async () => ({ districts: [], items: [] })));
    expect(
      await screen.findByText('No districts in the catalog yet'),
    ).toBeInTheDocument();
  });

  it('shows the error when the comparison cannot be loaded', async () => {
    await renderPage(
      mockApi(async () => {
        throw new Error('Comparison failed: the read model is empty');
      }),
    );

    expect(
      await screen.findByText(
        'Error: Comparison failed: the read model is empty',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
