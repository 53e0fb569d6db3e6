import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataCatalogApiRef } from '../../api';
import { downloadCsv } from '../../lib/csv';
import {
  districtList,
  gananda,
  mockDataCatalogApi,
  responseError,
} from '../DistrictPicker/testData';
import { DistrictGapsPage } from './DistrictGapsPage';
import { ganandaGaps, ganandaProgress, ganandaResults } from './testData';

// These pages render a good deal of Material UI; on a busy machine a test
// that types can take longer than Jest's default of five seconds.
jest.setTimeout(20_000);

jest.mock('../../lib/csv', () => ({
  ...jest.requireActual('../../lib/csv'),
  downloadCsv: jest.fn(),
}));

describe('DistrictGapsPage', () => {
  const api = mockDataCatalogApi();
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const identityApi = mockApis.identity({
    userEntityRef: 'user:default/pat.morgan',
  });

  beforeEach(() => {
    jest.clearAllMocks();
    window.sessionStorage.clear();
    api.listDistricts.mockResolvedValue(districtList());
    api.getDistrictGaps.mockResolvedValue(ganandaGaps());
    api.getProgress.mockResolvedValue({
      district: gananda,
      series: ganandaProgress,
    });
    api.getWriteAccess.mockResolvedValue({
      subject: gananda.ref,
      allowed: true,
      writers: ['group:default/gananda-data-team'],
    });
  });

  async function renderPage(url = '/?district=gananda') {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [dataCatalogApiRef, api],
          [alertApiRef, alertApi],
          [identityApiRef, identityApi],
        ]}
      >
        <DistrictGapsPage />
      </TestApiProvider>,
      { routeEntries: [url] },
    );
  }

  const row = (title: string) =>
    screen.getByRole('link', { name: title }).closest('li')!;

  const indicatorTitles = () =>
    screen
      .queryAllByRole('link')
      .filter(link => link.getAttribute('href')?.includes('/indicator/'))
      .map(link => link.textContent);

  it('asks for a district before loading any gaps', async () => {
    await renderPage('/');

    expect(await screen.findByText('Pick a district')).toBeInTheDocument();
    expect(api.getDistrictGaps).not.toHaveBeenCalled();
  });

  it('shows the totals by status and how fresh the catalog is', async () => {
    await renderPage();

    const totals = await screen.findByRole('list', {
      name: 'Indicators by status',
    });
    expect(
      within(totals)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Available: 2',
      'Partial: 2',
      'Missing: 1',
      'Not applicable: 1',
    ]);
    expect(within(totals).getByText('Not applicable')).toBeInTheDocument();
    expect(screen.getByText('Catalog read 2 minutes ago')).toBeInTheDocument();
    expect(screen.queryByText(/last read/)).not.toBeInTheDocument();
    expect(api.getDistrictGaps).toHaveBeenCalledWith('gananda');
  });

  it('warns when the catalog was read more than an hour ago', async () => {
    api.getDistrictGaps.mockResolvedValue(ganandaGaps(180));

    await renderPage();

    expect(
      await screen.findByText(/The catalog was last read 3 hours ago/),
    ).toBeInTheDocument();
  });

  it('groups indicators by stage, then construct', async () => {
    await renderPage();

    await screen.findByRole('link', { name: 'Home internet access' });
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      'Access2 indicators',
      'Participation2 indicators',
      'Outcomes2 indicators',
    ]);
    expect(
      screen.getAllByRole('heading', { level: 4 }).map(h => h.textContent),
    ).toEqual([
      'Flexible learning environments',
      'Personal learning paths',
      'Student agency',
      'Competency-based progression',
      'Engagement',
    ]);
    expect(indicatorTitles()).toEqual([
      'Home internet access',
      'Students with a school-issued device',
      'Weekly minutes on the personalized learning platform',
      'Goal-setting conferences held',
      'Regents exam passing rate',
      'Chronic absenteeism rate',
    ]);
  });

  it('shows each indicator with its status, first reason and page link', async () => {
    await renderPage();

    await screen.findByRole('link', { name: 'Home internet access' });
    const internet = row('Home internet access');
    expect(within(internet).getByText('Missing')).toBeInTheDocument();
    expect(
      within(internet).getByText(
        'No Gananda Central School District source provides Home internet access',
      ),
    ).toBeInTheDocument();
    expect(
      within(internet).getByRole('link', { name: 'Home internet access' }),
    ).toHaveAttribute('href', '/catalog/default/indicator/home-internet');

    const minutes = row('Weekly minutes on the personalized learning platform');
    expect(minutes).toHaveTextContent(
      'Minutes on platform: covers grades 3-8 of K-12',
    );
    expect(minutes).toHaveTextContent('(and 1 more reason)');
  });

  it('lets a stage be folded away', async () => {
    await renderPage();

    const access = await screen.findByRole('button', { name: /^Access/ });
    expect(access).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(access);

    expect(access).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('link', { name: 'Home internet access' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Regents exam passing rate' }),
    ).toBeInTheDocument();
  });

  it('narrows the list with the filters', async () => {
    await renderPage();
    await screen.findByRole('link', { name: 'Home internet access' });
    expect(screen.getByText('Showing 6 of 6 indicators')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Stage'), 'outcomes');
    expect(indicatorTitles()).toEqual([
      'Regents exam passing rate',
      'Chronic absenteeism rate',
    ]);

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'partial');
    expect(indicatorTitles()).toEqual(['Regents exam passing rate']);
    expect(screen.getByText('Showing 1 of 6 indicators')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(indicatorTitles()).toHaveLength(6);

    await userEvent.selectOptions(
      screen.getByLabelText('Construct'),
      'Student agency',
    );
    expect(indicatorTitles()).toEqual(['Goal-setting conferences held']);
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    await userEvent.selectOptions(
      screen.getByLabelText('Cannot be broken down by'),
      'English language learner status',
    );
    expect(indicatorTitles()).toEqual([
      'Weekly minutes on the personalized learning platform',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search indicators' }),
      'internet',
    );
    expect(indicatorTitles()).toEqual(['Home internet access']);

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search indicators' }),
      ' speed',
    );
    expect(indicatorTitles()).toEqual([]);
    expect(
      screen.getByText('No indicator matches these filters.'),
    ).toBeInTheDocument();
  });

  it('offers to clear the filters when nothing matches them', async () => {
    await renderPage();
    await screen.findByRole('link', { name: 'Home internet access' });
    await userEvent.selectOptions(screen.getByLabelText('Stage'), 'access');
    const search = screen.getByRole('searchbox', {
      name: 'Search indicators',
    });
    await userEvent.type(search, 'regents');

    const message = screen.getByText('No indicator matches these filters.');
    expect(screen.getByText('Showing 0 of 6 indicators')).toBeInTheDocument();
    await userEvent.click(
      within(message.parentElement!).getByRole('button', {
        name: 'Clear filters',
      }),
    );

    expect(indicatorTitles()).toHaveLength(6);
    expect(screen.getByText('Showing 6 of 6 indicators')).toBeInTheDocument();
    expect(
      screen.queryByText('No indicator matches these filters.'),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText('Stage')).toHaveValue('');
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
  });

  it('loads the other sources of an element when an indicator is opened', async () => {
    // The summary the backend sends: each element with its chosen provision
    // only, and a count of the others.
    const whole = ganandaResults.find(
      r => r.indicatorTitle === 'Regents exam passing rate',
    )!;
    const summarized = {
      ...whole,
      elements: whole.elements.map(element => {
        const chosen = element.provisions.filter(
          p => p.source === element.chosen,
        );
        return {
          ...element,
          provisions: chosen,
          otherProvisions: element.provisions.length - chosen.length,
        };
      }),
    };
    api.getDistrictGaps.mockResolvedValue({
      ...ganandaGaps(),
      results: ganandaResults.map(r => (r === whole ? summarized : r)),
    });
    api.getDistrictIndicatorGaps.mockResolvedValue(whole);
    await renderPage();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Details of Regents exam passing rate',
      }),
    );

    const elements = screen.getByRole('list', {
      name: 'Elements of Regents exam passing rate',
    });
    await waitFor(() =>
      expect(elements).toHaveTextContent(
        'Level 0 state reporting extract (POVERTY_IND): missing',
      ),
    );
    expect(api.getDistrictIndicatorGaps).toHaveBeenCalledWith(
      whole.district,
      whole.indicator,
    );
  });

  it('says when the other sources of an opened indicator cannot be loaded', async () => {
    const whole = ganandaResults.find(
      r => r.indicatorTitle === 'Regents exam passing rate',
    )!;
    api.getDistrictGaps.mockResolvedValue({
      ...ganandaGaps(),
      results: ganandaResults.map(r =>
        r === whole
          ? {
              ...r,
              elements: r.elements.map(e => ({
                ...e,
                provisions: [],
                otherProvisions: 1,
              })),
            }
          : r,
      ),
    });
    api.getDistrictIndicatorGaps.mockRejectedValue(
      new Error('The data catalog backend is restarting'),
    );
    await renderPage();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Details of Regents exam passing rate',
      }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The other sources of each element could not be loaded: The data catalog backend is restarting',
    );
  });

  it('lists every element with its source, problems and corrections', async () => {
    await renderPage();
    await screen.findByRole('link', { name: 'Regents exam passing rate' });

    const details = screen.getByRole('button', {
      name: 'Details of Regents exam passing rate',
    });
    await userEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');

    const elements = screen.getByRole('list', {
      name: 'Elements of Regents exam passing rate',
    });
    const [score, econ] = Array.from(elements.children);

    expect(score).toHaveTextContent('Regents exam score');
    expect(score).toHaveTextContent('Required');
    expect(score).toHaveTextContent(
      'Taken from Regional Regents results, field SCALE_SCORE',
    );

    expect(econ).toHaveTextContent('Economically disadvantaged status');
    expect(econ).toHaveTextContent('Subgroup');
    expect(within(econ as HTMLElement).getByText('Partial')).toBeVisible();
    expect(econ).toHaveTextContent(
      'Taken from SchoolTool SIS, field ECON_DIS; corrected by jordan.lee on 2025-01-10: the flag is blank for students who enrolled mid-year',
    );
    expect(econ).toHaveTextContent(
      'Level 0 state reporting extract (POVERTY_IND): missing — Level 0 state reporting extract does not collect it',
    );
    expect(
      within(econ as HTMLElement).getByRole('link', { name: 'SchoolTool SIS' }),
    ).toHaveAttribute('href', '/catalog/default/datasource/gananda-schooltool');

    await userEvent.click(details);
    expect(
      screen.queryByRole('list', {
        name: 'Elements of Regents exam passing rate',
      }),
    ).not.toBeInTheDocument();
  });

  it('offers to plan an action on gaps only', async () => {
    await renderPage();
    await screen.findByRole('link', { name: 'Home internet access' });

    expect(
      screen
        .getAllByRole('button', { name: /^Plan an action for/ })
        .map(b => b.getAttribute('aria-label')),
    ).toEqual([
      'Plan an action for Home internet access',
      'Plan an action for Weekly minutes on the personalized learning platform',
      'Plan an action for Regents exam passing rate',
    ]);
  });

  it('checks the action before saving it, then saves it for the district', async () => {
    const created = {
      id: 'a1',
      district: gananda.ref,
      indicator: 'indicator:default/home-internet',
      element: 'dataelement:default/home-internet-access',
      step: 'Add a home internet question to the fall family survey',
      owner: 'user:default/pat.morgan',
      dueDate: '2025-10-31',
      status: 'planned' as const,
      version: 1,
      createdBy: 'user:default/pat.morgan',
      createdAt: '2025-03-03T12:00:00.000Z',
      updatedBy: 'user:default/pat.morgan',
      updatedAt: '2025-03-03T12:00:00.000Z',
    };
    api.createActionItem.mockResolvedValue(created);
    await renderPage();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Plan an action for Home internet access',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Plan an action' });
    const owner = within(dialog).getByRole('textbox', { name: /Owner/ });
    await waitFor(() => expect(owner).toHaveValue('user:default/pat.morgan'));

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save the action' }),
    );
    expect(
      within(dialog).getByText('Say what is to be done'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Choose a due date')).toBeInTheDocument();
    expect(api.createActionItem).not.toHaveBeenCalled();

    await userEvent.click(
      within(dialog).getByRole('textbox', { name: /Step/ }),
    );
    await userEvent.paste(
      'Add a home internet question to the fall family survey',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Due date/),
      '2025-10-31',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Element'),
      'dataelement:default/home-internet-access',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save the action' }),
    );

    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Plan an action' }),
      ).not.toBeInTheDocument(),
    );
    expect(api.createActionItem).toHaveBeenCalledWith('gananda', {
      indicator: 'indicator:default/home-internet',
      element: 'dataelement:default/home-internet-access',
      step: 'Add a home internet question to the fall family survey',
      owner: 'user:default/pat.morgan',
      dueDate: '2025-10-31',
    });
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        severity: 'success',
        message: expect.stringContaining('Home internet access'),
      }),
    );
  });

  it('keeps the dialog open with the message when saving fails', async () => {
    api.createActionItem.mockRejectedValue(
      await responseError(
        403,
        'Forbidden',
        'NotAllowedError',
        'Only members of group:default/gananda-data-team may change group:default/gananda',
      ),
    );
    await renderPage();

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Plan an action for Regents exam passing rate',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Plan an action' });
    await userEvent.click(
      within(dialog).getByRole('textbox', { name: /Step/ }),
    );
    await userEvent.paste('Backfill the poverty flag for mid-year enrollees');
    await userEvent.type(
      within(dialog).getByLabelText(/Due date/),
      '2025-06-30',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save the action' }),
    );

    expect(
      await within(dialog).findByText(
        /The action was not saved: Only members of group:default\/gananda-data-team may change/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Plan an action' })).toBe(dialog);
    expect(within(dialog).getByRole('textbox', { name: /Step/ })).toHaveValue(
      'Backfill the poverty flag for mid-year enrollees',
    );
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('explains, and offers no planning, to readers who may not write', async () => {
    api.getWriteAccess.mockResolvedValue({
      subject: gananda.ref,
      allowed: false,
      writers: ['group:default/gananda-data-team'],
    });
    await renderPage();

    expect(
      await screen.findByText(
        /You can read these gaps; only members of gananda-data-team can plan actions/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Plan an action/ }),
    ).not.toBeInTheDocument();
    expect(api.getWriteAccess).toHaveBeenCalledWith('group:default/gananda');
  });

  it('downloads the filtered view as CSV', async () => {
    await renderPage();
    await screen.findByRole('link', { name: 'Home internet access' });
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'missing');

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(downloadCsv).toHaveBeenCalledWith(
      expect.stringMatching(/^gaps-gananda-\d{4}-\d{2}-\d{2}\.csv$/),
      [
        ['District', 'Indicator', 'Stage', 'Construct', 'Status', 'Reasons'],
        [
          'Gananda Central School District',
          'Home internet access',
          'Access',
          'Flexible learning environments',
          'Missing',
          'No Gananda Central School District source provides Home internet access',
        ],
      ],
    );
  });

  it('shows why the gaps could not be loaded', async () => {
    api.getDistrictGaps.mockRejectedValue(
      await responseError(
        404,
        'Not Found',
        'NotFoundError',
        'No district group:default/gananda in the catalog',
      ),
    );

    await renderPage();

    expect(
      await screen.findByText(
        /Could not load the gaps of Gananda Central School District/,
      ),
    ).toBeInTheDocument();
  });

  it('draws the progress with a summary for screen readers', async () => {
    await renderPage();

    expect(
      await screen.findByRole('img', {
        name: /Indicators by status from Jan 6, 2025 to Mar 3, 2025: available went from 1 to 2, partial stayed at 2, missing went from 3 to 1/,
      }),
    ).toBeInTheDocument();
    expect(api.getProgress).toHaveBeenCalledWith('gananda');
  });
});
