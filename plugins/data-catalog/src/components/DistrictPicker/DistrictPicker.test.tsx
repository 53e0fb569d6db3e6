import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataCatalogApiRef } from '../../api';
import { DistrictPicker } from './DistrictPicker';
import { districtList, gananda, mockDataCatalogApi, sodus } from './testData';

describe('DistrictPicker', () => {
  const api = mockDataCatalogApi();

  beforeEach(() => {
    jest.clearAllMocks();
    api.listDistricts.mockResolvedValue(districtList());
  });

  async function renderPicker(value?: string) {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
        <DistrictPicker value={value} onChange={onChange} />
      </TestApiProvider>,
    );
    const input = await screen.findByRole('textbox', { name: 'District' });
    await waitFor(() => expect(input).toBeEnabled());
    return { onChange, input };
  }

  it('offers the districts by title, without the BOCES', async () => {
    const { input } = await renderPicker();

    await userEvent.click(input);

    const options = screen.getAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      `${gananda.title}${gananda.name}`,
      `${sodus.title}${sodus.name}`,
    ]);
    expect(
      screen.queryByText('Wayne-Finger Lakes BOCES'),
    ).not.toBeInTheDocument();
  });

  it('reports the chosen district by name', async () => {
    const { input, onChange } = await renderPicker();

    await userEvent.click(input);
    await userEvent.click(screen.getByRole('option', { name: /^Sodus/ }));

    expect(onChange).toHaveBeenCalledWith('sodus');
  });

  it('can be used with the keyboard alone', async () => {
    const { onChange } = await renderPicker();

    await userEvent.tab();
    await userEvent.keyboard('gana');
    await userEvent.keyboard('{Enter}');

    expect(onChange).toHaveBeenCalledWith('gananda');
  });

  it('shows the chosen title and offers the whole of a long one on hover', async () => {
    const { input } = await renderPicker('sodus');

    expect(input).toHaveValue(sodus.title);
    expect(input.closest('[title]')).toHaveAttribute('title', sodus.title);
  });

  it('says so when the districts cannot be listed', async () => {
    api.listDistricts.mockRejectedValue(new Error('Service unavailable'));

    await renderInTestApp(
      <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
        <DistrictPicker onChange={jest.fn()} />
      </TestApiProvider>,
    );

    expect(
      await screen.findByText(/Could not list districts/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Service unavailable/)[0]).toBeInTheDocument();
  });
});
