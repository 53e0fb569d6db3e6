import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataCatalogApiRef } from '../../api';
import { gananda, mockDataCatalogApi } from '../DistrictPicker/testData';
import { ProgressChart } from './ProgressChart';
import { ganandaProgress } from './testData';

describe('ProgressChart', () => {
  const api = mockDataCatalogApi();

  beforeEach(() => {
    jest.clearAllMocks();
    api.getProgress.mockResolvedValue({
      district: gananda,
      series: ganandaProgress,
    });
  });

  const renderChart = () =>
    renderInTestApp(
      <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
        <ProgressChart district="gananda" />
      </TestApiProvider>,
    );

  it('draws one step line per status with a legend', async () => {
    await renderChart();

    const chart = await screen.findByRole('img');
    expect(chart.querySelectorAll('path')).toHaveLength(3);
    expect(
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Available: 2 now', 'Partial: 2 now', 'Missing: 1 now']);
  });

  it('narrows the chart to one stage', async () => {
    await renderChart();
    await screen.findByRole('img');

    await userEvent.selectOptions(
      screen.getByLabelText('Progress of'),
      'access',
    );

    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Indicators by status from Jan 6, 2025 to Mar 3, 2025: available went from 0 to 1, partial stayed at 0, missing went from 2 to 1.',
    );
  });

  it('shows the numbers as a table on request', async () => {
    await renderChart();

    const toggle = await screen.findByRole('button', {
      name: 'Show the numbers',
    });
    await userEvent.click(toggle);

    const table = screen.getByRole('table', {
      name: 'Indicators by status over time',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => Array.from(r.children).map(cell => cell.textContent)),
    ).toEqual([
      ['Date', 'Why', 'Available', 'Partial', 'Missing'],
      ['Jan 6, 2025', 'Catalog changed', '1', '2', '3'],
      ['Feb 3, 2025', 'Owner annotated', '2', '2', '2'],
      ['Mar 3, 2025', 'Daily record', '2', '2', '1'],
    ]);
    expect(toggle).toHaveTextContent('Hide the numbers');
  });

  it('shows the counts of the only record, with its date', async () => {
    api.getProgress.mockResolvedValue({
      district: gananda,
      series: ganandaProgress.slice(-1),
    });

    await renderChart();

    const table = await screen.findByRole('table', {
      name: 'Indicators by status on Mar 3, 2025',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => Array.from(r.children).map(cell => cell.textContent)),
    ).toEqual([
      ['Stage', 'Available', 'Partial', 'Missing'],
      ['Access', '1', '0', '1'],
      ['Participation', '0', '1', '0'],
      ['Outcomes', '1', '1', '0'],
      ['All stages', '2', '2', '1'],
    ]);
    expect(
      screen.getByText(
        'Indicators by status on Mar 3, 2025, the only record so far.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'A chart of the counts over time appears here as the catalog changes.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says progress will appear when there is no record yet', async () => {
    api.getProgress.mockResolvedValue({ district: gananda, series: [] });

    await renderChart();

    expect(
      await screen.findByText('Progress appears here as the catalog changes.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows why the progress could not be loaded', async () => {
    api.getProgress.mockRejectedValue(new Error('Database unavailable'));

    await renderChart();

    expect(
      await screen.findByText(/Could not load progress/),
    ).toBeInTheDocument();
  });
});
