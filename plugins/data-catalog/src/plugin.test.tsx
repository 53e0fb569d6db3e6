import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { DataCatalogApi, dataCatalogApiRef } from './api';
import {
  DataCatalogPage,
  dataCatalogPlugin,
  EntityDataSourceOverviewCard,
  rootRouteRef,
} from './index';

// An app on Backstage's legacy frontend system uses these exports: the
// plugin, its page mounted on a route of the app's choosing, the cards.

const source: Entity = {
  apiVersion: 'datacatalog.k12.dev/v1alpha1',
  kind: 'DataSource',
  metadata: { name: 'alder-creek-sis', title: 'Alder Creek SIS' },
  spec: {
    type: 'sis',
    category: 'administrative',
    lifecycle: 'production',
    owner: 'group:alder-creek-it',
    district: 'group:alder-creek',
    vendor: 'PowerSchool',
    access: { method: 'api', frequency: 'daily' },
    linkableByStudentId: true,
    coverage: { grades: ['K', '1'], years: ['2024-25'] },
    privacy: 'pii',
    provides: [],
  },
};

function noDistricts(): Partial<DataCatalogApi> {
  return {
    listDistricts: jest.fn().mockResolvedValue({ items: [] }),
  };
}

describe('the legacy frontend system exports', () => {
  it('names the plugin and its page route', () => {
    expect(dataCatalogPlugin.getId()).toBe('data-catalog');
    expect(dataCatalogPlugin.routes.root).toBe(rootRouteRef);
  });

  it('renders the page wherever the app mounts it', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[dataCatalogApiRef, noDistricts()]]}>
        <Routes>
          <Route path="/district-data/*" element={<DataCatalogPage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/district-data/districts'] },
    );

    expect(
      await screen.findByRole('tab', { name: 'District gaps' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Region' })).toBeInTheDocument();
  });

  it("renders a source's overview card from the entity page", async () => {
    await renderInTestApp(
      <EntityProvider entity={source}>
        <EntityDataSourceOverviewCard />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('Data source overview')).toBeInTheDocument();
    expect(screen.getByText('PowerSchool')).toBeInTheDocument();
  });
});
