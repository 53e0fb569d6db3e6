import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { IndicatorAvailability } from '@internal/plugin-data-catalog-common';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataCatalogApi, dataCatalogApiRef, StatusChange } from '../../api';
import { rootRouteRef } from '../../routes';
import { IndicatorDistrictsCard } from './IndicatorDistrictsCard';

// MUI is slow in jsdom, more so on a busy machine: no delay between keys,
// and more time for elements to appear.
configure({ asyncUtilTimeout: 5_000 });

let user: ReturnType<typeof userEvent.setup>;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

const REF = 'indicator:default/chronic-absenteeism-rate';

const entity: Entity = {
  apiVersion: 'datacatalog.k12.dev/v1alpha1',
  kind: 'Indicator',
  metadata: {
    name: 'chronic-absenteeism-rate',
    title: 'Chronic absenteeism rate',
  },
  spec: {
    owner: 'group:northlake-data-services',
    stage: 'outcomes',
    construct: 'engagement',
    definition:
      'Share of students missing 10% or more of enrolled school days.',
    calculation:
      'Students absent 10% or more of enrolled days / enrolled students.',
    unit: 'percent of students',
    requires: [
      'dataelement:student-identifier',
      'dataelement:daily-attendance-status',
    ],
    disaggregateBy: ['dataelement:disability-status'],
  },
};

function result(
  district: string,
  status: IndicatorAvailability['status'],
  reasons: string[],
): IndicatorAvailability {
  return {
    indicator: REF,
    indicatorTitle: 'Chronic absenteeism rate',
    stage: 'outcomes',
    construct: 'engagement',
    district,
    status,
    reasons,
    elements: [],
  };
}

const changes: StatusChange[] = [
  {
    district: 'group:default/dunmore',
    indicator: REF,
    from: 'missing',
    to: 'partial',
    reasons: ['Attendance is only kept for grades 6-12.'],
    cause: 'catalog',
    changedAt: '2025-02-10T12:00:00.000Z',
  },
  {
    district: 'group:default/cedar-point',
    indicator: REF,
    from: 'partial',
    to: 'available',
    reasons: [],
    cause: 'annotation',
    changedAt: '2025-03-05T12:00:00.000Z',
  },
  {
    district: 'group:default/alder-creek',
    indicator: REF,
    to: 'missing',
    reasons: ['No source provides daily-attendance-status.'],
    cause: 'daily',
    changedAt: '2025-01-02T12:00:00.000Z',
  },
];

function mockApi(): jest.Mocked<DataCatalogApi> {
  return {
    listDistricts: jest.fn().mockResolvedValue({
      items: [
        {
          ref: 'group:default/cedar-point',
          name: 'cedar-point',
          title: 'Cedar Point CSD',
          type: 'district',
        },
        {
          ref: 'group:default/dunmore',
          name: 'dunmore',
          title: 'Dunmore CSD',
          type: 'district',
        },
        {
          ref: 'group:default/alder-creek',
          name: 'alder-creek',
          title: 'Alder Creek CSD',
          type: 'district',
        },
      ],
    }),
    getDistrictGaps: jest.fn(),
    getDistrictIndicatorGaps: jest.fn(),
    getIndicatorAvailability: jest.fn().mockResolvedValue({
      indicator: {
        ref: REF,
        title: 'Chronic absenteeism rate',
        stage: 'outcomes',
        construct: 'engagement',
      },
      results: [
        result('group:default/dunmore', 'partial', [
          'Attendance is only kept for grades 6-12.',
          'No disability flag before 2023-24.',
        ]),
        result('group:default/cedar-point', 'available', []),
        result('group:default/alder-creek', 'missing', [
          'No source provides daily-attendance-status.',
        ]),
      ],
    }),
    getRegionMatrix: jest.fn(),
    getLineage: jest.fn(),
    getProgress: jest.fn(),
    getStatusChanges: jest.fn().mockResolvedValue(changes),
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

async function renderCard(api: DataCatalogApi, shown: Entity = entity) {
  await renderInTestApp(
    <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
      <EntityProvider entity={shown}>
        <IndicatorDistrictsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/data-catalog': rootRouteRef } },
  );
}

describe('IndicatorDistrictsCard', () => {
  it('shows what the indicator measures', async () => {
    await renderCard(mockApi());

    expect(
      screen.getByText(
        'Share of students missing 10% or more of enrolled school days.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/enrolled days \/ enrolled students/),
    ).toBeInTheDocument();
    expect(screen.getByText('Outcomes: what changed?')).toBeInTheDocument();
    expect(screen.getByText('Engagement')).toBeInTheDocument();
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('lists each district with its status and first reason', async () => {
    const api = mockApi();
    await renderCard(api);

    const table = await screen.findByRole('table', {
      name: 'Availability by district',
    });
    expect(api.getIndicatorAvailability).toHaveBeenCalledWith(REF);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'Alder Creek CSDMissingNo source provides daily-attendance-status.',
      'Cedar Point CSDAvailable',
      'Dunmore CSDPartialAttendance is only kept for grades 6-12.',
    ]);
    expect(
      within(table).getByRole('link', { name: 'Dunmore CSD' }),
    ).toHaveAttribute('href', '/data-catalog/districts?district=dunmore');
  });

  it('lists status changes newest first, in words', async () => {
    const api = mockApi();
    await renderCard(api);

    const list = await screen.findByRole('list', { name: 'Status changes' });
    expect(api.getStatusChanges).toHaveBeenCalledWith(REF);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Mar 5, 2025: Cedar Point CSD went from Partial to Available',
      'Feb 10, 2025: Dunmore CSD went from Missing to Partial \u2014 Attendance is only kept for grades 6-12.',
      'Jan 2, 2025: Alder Creek CSD was first assessed as Missing \u2014 No source provides daily-attendance-status.',
    ]);
  });

  it('shows only the latest ten changes until asked for all', async () => {
    const api = mockApi();
    api.getStatusChanges.mockResolvedValue(
      Array.from({ length: 14 }, (_, i) => ({
        ...changes[0],
        changedAt: `2025-01-${String(i + 10).padStart(2, '0')}T12:00:00.000Z`,
      })),
    );
    await renderCard(api);

    const list = await screen.findByRole('list', { name: 'Status changes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await user.click(
      screen.getByRole('button', { name: 'Show all 14 changes' }),
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(14);
  });

  it('falls back to district names when titles cannot be loaded', async () => {
    const api = mockApi();
    api.listDistricts.mockRejectedValue(new Error('down'));
    await renderCard(api);

    expect(
      await screen.findByRole('link', { name: 'dunmore' }),
    ).toHaveAttribute('href', '/data-catalog/districts?district=dunmore');
  });

  it('shows failures of each part', async () => {
    const api = mockApi();
    api.getIndicatorAvailability.mockRejectedValue(
      new Error(
        'No indicator indicator:default/chronic-absenteeism-rate in the catalog',
      ),
    );
    api.getStatusChanges.mockRejectedValue(
      new Error('Status changes are unavailable'),
    );
    await renderCard(api);

    expect(
      (
        await screen.findAllByText(
          /No indicator indicator:default\/chronic-absenteeism-rate/,
        )
      )[0],
    ).toBeInTheDocument();
    expect(
      (await screen.findAllByText(/Status changes are unavailable/))[0],
    ).toBeInTheDocument();
  });

  it('says when no changes were recorded', async () => {
    const api = mockApi();
    api.getStatusChanges.mockResolvedValue([]);
    await renderCard(api);

    expect(
      await screen.findByText('No changes recorded yet.'),
    ).toBeInTheDocument();
  });
});
