import { alertApiRef, identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataCatalogApiRef } from '../../api';
import { gananda, mockDataCatalogApi } from '../DistrictPicker/testData';
import { PlanActionDialog } from './PlanActionDialog';
import { ganandaResults } from './testData';

jest.setTimeout(20_000);

describe('PlanActionDialog', () => {
  it('says a step that looks like a student record is refused, before sending it', async () => {
    const api = mockDataCatalogApi();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [dataCatalogApiRef, api],
          [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
          [
            identityApiRef,
            mockApis.identity({ userEntityRef: 'user:default/pat.morgan' }),
          ],
        ]}
      >
        <PlanActionDialog
          district={gananda}
          result={ganandaResults[0]}
          onClose={jest.fn()}
        />
      </TestApiProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Plan an action' });
    const owner = within(dialog).getByRole('textbox', { name: /Owner/ });
    await waitFor(() => expect(owner).toHaveValue('user:default/pat.morgan'));

    await userEvent.click(
      within(dialog).getByRole('textbox', { name: /Step/ }),
    );
    await userEvent.paste('Fix the flag of Maria Lopez, SSN 123-45-6789');
    await userEvent.type(
      within(dialog).getByLabelText(/Due date/),
      '2025-10-31',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save the action' }),
    );

    expect(
      within(dialog).getByText(
        /^This looks like a student record: a social security number \(\*\*\*-\*\*-\*\*89\)\. The data catalog holds metadata about data/,
      ),
    ).toBeInTheDocument();
    expect(api.createActionItem).not.toHaveBeenCalled();
  });
});
