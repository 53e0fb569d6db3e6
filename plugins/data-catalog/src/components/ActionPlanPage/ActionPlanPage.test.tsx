import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataCatalogApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  districtList,
  gananda,
  mockDataCatalogApi,
  responseError,
} from '../DistrictPicker/testData';
import { ganandaGaps } from '../DistrictGapsPage/testData';
import { ActionPlanPage, isOverdue } from './ActionPlanPage';
import { doneItem, ganandaActions, laterItem, overdueItem } from './testData';

// The page renders a good deal of Material UI and a material-table; on a
// busy machine a test can take longer than Jest's default of five seconds.
jest.setTimeout(20_000);

describe('ActionPlanPage', () => {
  const api = mockDataCatalogApi();
  const alertApi = { post: jest.fn(), alert$: jest.fn() };

  beforeEach(() => {
    jest.clearAllMocks();
    window.sessionStorage.clear();
    api.listDistricts.mockResolvedValue(districtList());
    api.listActionItems.mockResolvedValue(ganandaActions);
    api.getDistrictGaps.mockResolvedValue(ganandaGaps());
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
        ]}
      >
        <ActionPlanPage />
      </TestApiProvider>,
      {
        routeEntries: [url],
        mountedRoutes: {
          '/data-catalog': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
  }

  const statusOf = (step: string) =>
    screen.getByRole('combobox', { name: `Status of ${step}` });

  /** The table row of a step; a conflict panel may name the step too. */
  const rowOf = (step: string) => statusOf(step).closest('tr')!;

  const steps = () =>
    [overdueItem, laterItem, doneItem]
      .map(item => item.step)
      .filter(step => screen.queryByText(step));

  it('lists the items with titles, owners, due dates and statuses', async () => {
    await renderPage();

    const row = within(
      await screen.findByText(laterItem.step).then(e => e.closest('tr')!),
    );
    expect(
      row.getByRole('link', { name: 'Regents exam passing rate' }),
    ).toHaveAttribute('href', '/catalog/default/indicator/regents-passing');
    expect(
      row.getByText('Economically disadvantaged status'),
    ).toBeInTheDocument();
    expect(row.getByRole('link', { name: 'jordan.lee' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jordan.lee',
    );
    expect(row.getByText('2099-06-30')).toBeInTheDocument();
    expect(statusOf(laterItem.step)).toHaveValue('planned');
    expect(row.getByText('pat.morgan')).toBeInTheDocument();

    expect(
      within(rowOf(doneItem.step)).getByText('The whole indicator'),
    ).toBeInTheDocument();
    expect(api.listActionItems).toHaveBeenCalledWith('gananda');
  });

  it('flags open items past their due date as overdue, in words', async () => {
    await renderPage();
    await screen.findByText(overdueItem.step);

    expect(
      within(rowOf(overdueItem.step)).getByText('Overdue'),
    ).toBeInTheDocument();
    expect(within(rowOf(laterItem.step)).queryByText('Overdue')).toBeNull();
    // Past due but done.
    expect(within(rowOf(doneItem.step)).queryByText('Overdue')).toBeNull();
  });

  it('narrows the items by status and by owner', async () => {
    await renderPage();
    await screen.findByText(overdueItem.step);

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'done');
    expect(steps()).toEqual([doneItem.step]);

    await userEvent.selectOptions(screen.getByLabelText('Status'), '');
    await userEvent.selectOptions(screen.getByLabelText('Owner'), 'jordan.lee');
    expect(steps()).toEqual([laterItem.step]);
  });

  it('saves a new status with the version it read', async () => {
    api.updateActionItem.mockResolvedValue({
      ...overdueItem,
      status: 'done',
      version: 4,
      updatedAt: '2025-03-03T12:00:00.000Z',
    });
    await renderPage();
    await screen.findByText(overdueItem.step);
    await waitFor(() => expect(statusOf(overdueItem.step)).toBeEnabled());

    await userEvent.selectOptions(statusOf(overdueItem.step), 'done');

    expect(api.updateActionItem).toHaveBeenCalledWith('a1', {
      version: 3,
      status: 'done',
    });
    await waitFor(() => expect(statusOf(overdueItem.step)).toHaveValue('done'));
    expect(within(rowOf(overdueItem.step)).queryByText('Overdue')).toBeNull();
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
  });

  const conflictMessage =
    'The action item on group:default/gananda changed since version 3 was read; nothing was saved. It is at version 4, changed by user:default/jordan.lee at 2025-03-03T11:58:00.000Z. Read it again and reapply your change.';

  /** The overdue item as someone else saved it while the page was open. */
  const theirs = {
    ...overdueItem,
    dueDate: '2025-06-30',
    status: 'planned' as const,
    version: 4,
    updatedBy: 'user:default/jordan.lee',
    updatedAt: '2025-03-03T11:58:00.000Z',
  };

  async function loseTheRace() {
    api.updateActionItem.mockRejectedValueOnce(
      await responseError(409, 'Conflict', 'ConflictError', conflictMessage),
    );
    await renderPage();
    await screen.findByText(overdueItem.step);
    await waitFor(() => expect(statusOf(overdueItem.step)).toBeEnabled());
    api.listActionItems.mockResolvedValue([theirs, laterItem, doneItem]);

    await userEvent.selectOptions(statusOf(overdueItem.step), 'done');

    return screen.findByRole('alert');
  }

  it('shows the saved item beside the unsaved change after a conflict', async () => {
    const panel = await loseTheRace();

    expect(panel).toHaveTextContent(
      `Someone else changed “${overdueItem.step}” before your change was saved`,
    );
    expect(panel).toHaveTextContent(
      /The action item is now at version 4, saved by jordan\.lee on Mar 3, 2025/,
    );
    const comparison = within(panel).getByRole('table', {
      name: 'Saved values beside yours',
    });
    const cells = (name: RegExp) =>
      Array.from(
        within(comparison).getByRole('row', { name }).children,
        cell => cell.textContent,
      );
    expect(cells(/^Field/)).toEqual([
      'Field',
      'Saved now',
      'As you saw it, with your change',
    ]);
    expect(cells(/^Step/)).toEqual([
      'Step',
      overdueItem.step,
      overdueItem.step,
    ]);
    expect(cells(/^Due/)).toEqual([
      'Due (differs)',
      '2025-06-30',
      '2020-09-30',
    ]);
    expect(cells(/^Status/)).toEqual(['Status (differs)', 'Planned', 'Done']);
    expect(panel).toHaveTextContent(
      'Applying your change again sets the status to done; the other fields keep the values saved now.',
    );
    // The table behind the panel shows the item as saved now.
    expect(api.listActionItems).toHaveBeenCalledTimes(2);
    expect(statusOf(overdueItem.step)).toHaveValue('planned');
    expect(
      within(rowOf(overdueItem.step)).getByText('2025-06-30'),
    ).toBeInTheDocument();
  });

  it('applies the change again on top of the saved version', async () => {
    const panel = await loseTheRace();
    api.updateActionItem.mockResolvedValueOnce({
      ...theirs,
      status: 'done',
      version: 5,
    });

    await userEvent.click(
      within(panel).getByRole('button', { name: 'Apply my change again' }),
    );

    expect(api.updateActionItem).toHaveBeenLastCalledWith('a1', {
      version: 4,
      status: 'done',
    });
    await waitFor(() => expect(statusOf(overdueItem.step)).toHaveValue('done'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      within(rowOf(overdueItem.step)).getByText('2025-06-30'),
    ).toBeInTheDocument();
  });

  it('keeps the saved version when the user chooses to', async () => {
    const panel = await loseTheRace();

    await userEvent.click(
      within(panel).getByRole('button', { name: 'Keep the saved version' }),
    );

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.updateActionItem).toHaveBeenCalledTimes(1);
    expect(statusOf(overdueItem.step)).toHaveValue('planned');
  });

  it('shows who may write when a change is refused', async () => {
    api.updateActionItem.mockRejectedValue(
      await responseError(
        403,
        'Forbidden',
        'NotAllowedError',
        'Only members of group:default/gananda-data-team may change group:default/gananda',
      ),
    );
    await renderPage();
    await screen.findByText(laterItem.step);
    await waitFor(() => expect(statusOf(laterItem.step)).toBeEnabled());

    await userEvent.selectOptions(statusOf(laterItem.step), 'in-progress');

    expect(
      await screen.findByText(
        'Error: Only members of group:default/gananda-data-team may change group:default/gananda',
      ),
    ).toBeInTheDocument();
    expect(statusOf(laterItem.step)).toHaveValue('planned');
    expect(api.listActionItems).toHaveBeenCalledTimes(1);
  });

  it('explains a read-only plan and disables the status controls', async () => {
    api.getWriteAccess.mockResolvedValue({
      subject: gananda.ref,
      allowed: false,
      writers: [
        'group:default/gananda-data-team',
        'group:default/wfl-data-office',
      ],
    });
    await renderPage();

    expect(
      await screen.findByText(
        'You can read this plan; only members of gananda-data-team or wfl-data-office can change it.',
      ),
    ).toBeInTheDocument();
    for (const item of ganandaActions) {
      expect(statusOf(item.step)).toBeDisabled();
    }
    expect(api.getWriteAccess).toHaveBeenCalledWith('group:default/gananda');
  });

  it('explains where items come from when the district has none', async () => {
    api.listActionItems.mockResolvedValue([]);

    await renderPage();

    expect(
      await screen.findByText(
        'Gananda Central School District has no action items yet',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/created from the District gaps tab/),
    ).toBeInTheDocument();
    expect(
      // LinkButton is an anchor that MUI gives the role of a button.
      screen.getByRole('button', { name: "Open the district's gaps" }),
    ).toHaveAttribute('href', '/data-catalog/districts?district=gananda');
  });

  it('shows why the plan could not be loaded', async () => {
    api.listActionItems.mockRejectedValue(new Error('Database unavailable'));

    await renderPage();

    expect(
      await screen.findByText(
        /Could not load the action plan of Gananda Central School District/,
      ),
    ).toBeInTheDocument();
  });
});

describe('isOverdue', () => {
  it('counts open items due before today only', () => {
    expect(isOverdue(overdueItem, '2020-10-01')).toBe(true);
    expect(isOverdue(overdueItem, '2020-09-30')).toBe(false);
    expect(isOverdue({ ...overdueItem, status: 'dropped' }, '2025-01-01')).toBe(
      false,
    );
    expect(isOverdue(doneItem, '2025-01-01')).toBe(false);
  });
});
