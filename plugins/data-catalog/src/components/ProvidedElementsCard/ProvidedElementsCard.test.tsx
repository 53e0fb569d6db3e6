import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProvidedElementsCard } from './ProvidedElementsCard';

// MUI selects, popovers and tables are slow in jsdom, more so on a busy
// machine: no delay between keys, and room beyond jest's five seconds.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

const ALL_GRADES = [
  'K',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
];

function cedarPointSis(provides: object[]): Entity {
  return {
    apiVersion: 'datacatalog.k12.dev/v1alpha1',
    kind: 'DataSource',
    metadata: {
      name: 'cedar-point-sis',
      title: 'Cedar Point Infinite Campus',
    },
    spec: {
      type: 'sis',
      category: 'administrative',
      lifecycle: 'production',
      owner: 'group:cedar-point-it',
      district: 'group:cedar-point',
      access: { method: 'api', frequency: 'daily' },
      linkableByStudentId: true,
      coverage: {
        grades: ALL_GRADES,
        years: ['2021-22', '2022-23', '2023-24', '2024-25'],
      },
      privacy: 'sensitive-pii',
      provides,
    },
  };
}

const PROVIDES = [
  {
    element: 'dataelement:student-identifier',
    field: 'student.studentNumber',
  },
  {
    element: 'dataelement:personalized-section-designation',
    field: 'section.customPLFlag',
    status: 'partial',
    coverage: { grades: ['6', '7', '8'], years: ['2023-24', '2024-25'] },
    note: 'Only the middle-school competency pilot sections are flagged so far.',
  },
  {
    element: 'home-internet-access',
    field: 'olr.internetAtHome',
    status: 'unusable',
  },
];

async function renderCard(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <ProvidedElementsCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The body rows of the table, each as its cells' text. */
function bodyRows(): string[][] {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body)
    .getAllByRole('row')
    .map(row =>
      within(row)
        .queryAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('ProvidedElementsCard', () => {
  it('lists each element with its field, status in words and coverage', async () => {
    await renderCard(cedarPointSis(PROVIDES));

    expect(screen.getByText('Data elements provided (3)')).toBeInTheDocument();
    // The note sits under the element's name; coverage gives grades, then
    // years, then whether the element narrows the source's coverage.
    expect(bodyRows()).toEqual([
      [
        'home-internet-access',
        'olr.internetAtHome',
        'Unusable',
        'Grades K-122021-22 to 2024-25',
      ],
      [
        'personalized-section-designationOnly the middle-school competency pilot sections are flagged so far.',
        'section.customPLFlag',
        'Partial',
        'Grades 6-82023-24 to 2024-25narrower than the source',
      ],
      [
        'student-identifier',
        'student.studentNumber',
        'Available',
        'Grades K-122021-22 to 2024-25',
      ],
    ]);
    expect(
      screen.getByRole('link', { name: 'home-internet-access' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/dataelement/home-internet-access',
    );
  });

  it('sorts by status when its header is clicked', async () => {
    await renderCard(cedarPointSis(PROVIDES));

    await user.click(screen.getAllByRole('button', { name: 'Status' })[0]);

    await waitFor(() =>
      expect(bodyRows().map(row => row[2])).toEqual([
        'Available',
        'Partial',
        'Unusable',
      ]),
    );
  });

  it('filters rows with the search field', async () => {
    await renderCard(cedarPointSis(PROVIDES));

    await user.type(
      screen.getByRole('textbox', { name: 'Search' }),
      'customPL',
    );

    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0][0]).toMatch(/^personalized-section-designation/);
  });

  it('pages through two hundred elements', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      element: `dataelement:element-${String(i).padStart(3, '0')}`,
      field: `COL_${i}`,
    }));
    await renderCard(cedarPointSis(many));

    expect(
      screen.getByText('Data elements provided (200)'),
    ).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(20);
    expect(bodyRows()[0][0]).toBe('element-000');
    expect(screen.getAllByText('1-20 of 200')[0]).toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Next Page' })[0]);

    expect(bodyRows()[0][0]).toBe('element-020');
  });

  it('says so when the source lists no elements', async () => {
    await renderCard(cedarPointSis([]));

    expect(
      screen.getByText(/This source lists no data elements yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
