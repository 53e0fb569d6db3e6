import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  SearchFilterBlueprint,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import dataCatalogPlugin from '../../alpha';
import { DataCatalogSearchFilters } from './DataCatalogSearchFilters';

const document = {
  title: 'Fernwood student information system',
  text: 'Brightfield Software',
  location: '/catalog/default/datasource/fernwood-sis',
  kind: 'DataSource',
  districtTitle: 'Fernwood Central School District',
};

function extension(id: Parameters<typeof dataCatalogPlugin.getExtension>[0]) {
  return createExtensionTester(dataCatalogPlugin.getExtension(id));
}

describe("the data catalog's search extensions", () => {
  it('renders data-catalog results, and only those, with its own list item', async () => {
    const item = extension('search-result-list-item:data-catalog').get(
      SearchResultListItemBlueprint.dataRefs.item,
    );

    expect(item.predicate?.({ type: 'data-catalog', document })).toBe(true);
    expect(item.predicate?.({ type: 'software-catalog', document })).toBe(
      false,
    );

    const Item = item.component;
    await renderInTestApp(<Item result={document} rank={1} />);
    expect(
      await screen.findByText('Fernwood Central School District'),
    ).toBeInTheDocument();
    expect(screen.getByText('Data source')).toBeInTheDocument();
  });

  it('offers the data catalog as a result type, and filters for it', () => {
    expect(
      extension('search-filter-result-type:data-catalog').get(
        SearchFilterResultTypeBlueprint.dataRefs.resultType,
      ),
    ).toMatchObject({ value: 'data-catalog', name: 'Data catalog' });
    expect(
      extension('search-filter:data-catalog').get(
        SearchFilterBlueprint.dataRefs.searchFilters,
      ).component,
    ).toBe(DataCatalogSearchFilters);
  });
});
