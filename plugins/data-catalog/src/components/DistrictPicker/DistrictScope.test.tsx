import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { dataCatalogApiRef, District } from '../../api';
import { DistrictScope } from './DistrictScope';
import { boces, districtList, mockDataCatalogApi } from './testData';

function ShowDistrict(props: { district: District }) {
  const location = useLocation();
  return (
    <p>
      Showing {props.district.title} at {location.search}
    </p>
  );
}

describe('DistrictScope', () => {
  const api = mockDataCatalogApi();

  beforeEach(() => {
    jest.clearAllMocks();
    window.sessionStorage.clear();
    api.listDistricts.mockResolvedValue(districtList());
  });

  function renderScope(url = '/') {
    return renderInTestApp(
      <TestApiProvider apis={[[dataCatalogApiRef, api]]}>
        <DistrictScope purpose="see its gaps">
          {district => <ShowDistrict district={district} />}
        </DistrictScope>
      </TestApiProvider>,
      { routeEntries: [url] },
    );
  }

  it('asks for a district when none is chosen', async () => {
    await renderScope();

    expect(await screen.findByText('Pick a district')).toBeInTheDocument();
    expect(
      screen.getByText('Choose a district above to see its gaps.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Showing/)).not.toBeInTheDocument();
  });

  it('explains how to add a district when the catalog has none', async () => {
    api.listDistricts.mockResolvedValue({ items: [boces] });

    await renderScope();

    expect(
      await screen.findByText('The catalog has no district groups yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/A district is a Group entity with/),
    ).toHaveTextContent('spec.type: district');
    expect(screen.queryByRole('textbox', { name: 'District' })).toBeNull();
  });

  it('shows the district the URL names', async () => {
    await renderScope('/?district=gananda');

    expect(
      await screen.findByText(
        'Showing Gananda Central School District at ?district=gananda',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'District' })).toHaveValue(
      'Gananda Central School District',
    );
  });

  it('puts a new choice into the URL', async () => {
    await renderScope('/?district=gananda');

    await userEvent.click(
      await screen.findByRole('textbox', { name: 'District' }),
    );
    await userEvent.click(screen.getByRole('option', { name: /^Sodus/ }));

    expect(
      await screen.findByText(/Showing Sodus Central School District/),
    ).toHaveTextContent('at ?district=sodus');
  });

  it('says so when the URL names a district the catalog does not know', async () => {
    await renderScope('/?district=lyons');

    expect(
      await screen.findByText(/No district named "lyons" in the catalog/),
    ).toBeInTheDocument();
  });

  it('comes back to the last district when opened without one', async () => {
    window.sessionStorage.setItem('data-catalog:district', 'sodus');

    await renderScope('/');

    expect(
      await screen.findByText(/Showing Sodus Central School District/),
    ).toHaveTextContent('at ?district=sodus');
  });
});
