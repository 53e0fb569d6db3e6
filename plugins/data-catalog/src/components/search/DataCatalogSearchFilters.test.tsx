import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  MockSearchApi,
  searchApiRef,
  SearchContextProvider,
  useSearch,
} from '@backstage/plugin-search-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataCatalogSearchFilters } from './DataCatalogSearchFilters';

function group(name: string, type: string, title: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title },
    spec: { type, children: [] },
  };
}

const groups = [
  group('quarry-hill-boces', 'boces', 'Quarry Hill BOCES'),
  group('larkspur', 'district', 'Larkspur Central School District'),
  group('fernwood', 'district', 'Fernwood Central School District'),
  group('larkspur-it', 'team', 'Larkspur Technology Department'),
];

/** Shows the filters the search would be sent with. */
function SentFilters() {
  const { filters } = useSearch();
  return <output aria-label="filters">{JSON.stringify(filters)}</output>;
}

async function renderFilters(types: string[]) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [searchApiRef, new MockSearchApi()],
        [catalogApiRef, catalogApiMock({ entities: groups })],
      ]}
    >
      <SearchContextProvider
        initialState={{ term: '', types, filters: {}, pageCursor: undefined }}
      >
        <DataCatalogSearchFilters className="filter" />
        <SentFilters />
      </SearchContextProvider>
    </TestApiProvider>,
  );
}

/** Opens a filter's list and picks one option by its text. */
async function pick(filter: string, option: string) {
  const select = await screen.findByLabelText(filter, {
    selector: '[data-testid="select"]',
  });
  const trigger = within(select).getByRole('button');
  await waitFor(() => expect(trigger).not.toHaveAttribute('aria-disabled'));
  await userEvent.click(trigger);
  const listbox = await screen.findByRole('listbox');
  // The values arrive asynchronously; on a busy machine the list can open
  // before they do, holding only "All" for a moment.
  await within(listbox).findByText(option);
  return {
    options: within(listbox),
    choose: () => userEvent.click(within(listbox).getByText(option)),
  };
}

describe('the data catalog search filters', () => {
  it('narrows by district, offering districts and the BOCES by title', async () => {
    await renderFilters(['data-catalog']);

    const district = await pick('District', 'Larkspur Central School District');
    expect(
      district.options.getAllByRole('option').map(o => o.textContent),
    ).toEqual([
      'All',
      'Fernwood Central School District',
      'Larkspur Central School District',
      'Quarry Hill BOCES',
    ]);
    await district.choose();

    expect(screen.getByLabelText('filters')).toHaveTextContent(
      '{"district":"group:default/larkspur"}',
    );
  });

  it('narrows by stage and construct, sending their codes', async () => {
    await renderFilters(['data-catalog']);

    await (await pick('Stage', 'Participation')).choose();
    await (await pick('Construct', 'Personal learning paths')).choose();

    expect(screen.getByLabelText('filters')).toHaveTextContent(
      '{"stage":"participation","construct":"personal-learning-paths"}',
    );
  });

  it('stays out of the way while only other result types are searched', async () => {
    await renderFilters(['software-catalog']);

    expect(screen.queryByText('District')).not.toBeInTheDocument();
    expect(screen.queryByText('Stage')).not.toBeInTheDocument();
  });
});
