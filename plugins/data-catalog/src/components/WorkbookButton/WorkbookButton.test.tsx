import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DataCatalogApi, dataCatalogApiRef } from '../../api';
import { saveFile } from '../../lib/saveFile';
import { WorkbookButton } from './WorkbookButton';

jest.mock('../../lib/saveFile', () => ({ saveFile: jest.fn() }));

const ALDER = { name: 'alder-creek', title: 'Alder Creek Central' };

async function renderButton(
  getWorkbook: DataCatalogApi['getWorkbook'],
  district?: typeof ALDER,
) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const api = { getWorkbook: jest.fn(getWorkbook) };
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [dataCatalogApiRef, api],
        [alertApiRef, alertApi],
      ]}
    >
      <WorkbookButton district={district} />
    </TestApiProvider>,
  );
  return { api, alertApi };
}

describe('WorkbookButton', () => {
  beforeEach(() => jest.mocked(saveFile).mockReset());

  it("saves the district's workbook under the backend's file name", async () => {
    const blob = new Blob(['xlsx bytes']);
    const { api } = await renderButton(
      async () => ({ blob, fileName: 'data-catalog-alder-creek.xlsx' }),
      ALDER,
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Download workbook (.xlsx)' }),
    );

    await waitFor(() =>
      expect(saveFile).toHaveBeenCalledWith(
        'data-catalog-alder-creek.xlsx',
        blob,
      ),
    );
    expect(api.getWorkbook).toHaveBeenCalledWith('alder-creek');
  });

  it("asks for the region's workbook when no district is given", async () => {
    const { api } = await renderButton(async () => ({
      blob: new Blob([]),
      fileName: 'data-catalog-region.xlsx',
    }));

    await userEvent.click(screen.getByRole('button', { name: /workbook/ }));

    await waitFor(() => expect(saveFile).toHaveBeenCalled());
    expect(api.getWorkbook).toHaveBeenCalledWith(undefined);
  });

  it('shows a failure with the reason, and lets the user try again', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No district atlantis' },
        request: { method: 'GET', url: '/districts/atlantis/workbook' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    const { alertApi } = await renderButton(async () => {
      throw error;
    }, ALDER);

    await userEvent.click(screen.getByRole('button', { name: /workbook/ }));

    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message:
          'Could not download the workbook of Alder Creek Central: No district atlantis',
        severity: 'error',
      }),
    );
    expect(saveFile).not.toHaveBeenCalled();
    expect(
      screen.getByRole('button', { name: 'Download workbook (.xlsx)' }),
    ).toBeEnabled();
  });
});
