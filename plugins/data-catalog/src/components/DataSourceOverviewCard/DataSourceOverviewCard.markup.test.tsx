import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { DataSourceOverviewCard } from './DataSourceOverviewCard';

// The catalog keeps markup in an entity's text as it was written (its
// integration test shows it), so the card must show it as text: a tag is
// characters on screen, never an element, and a script never runs.
const SCRIPT = '<script>window.__ran = true</script>';
const IMAGE = '<img src="x" onerror="window.__ran = true">';

function markedUpSource(): Entity {
  return {
    apiVersion: 'datacatalog.k12.dev/v1alpha1',
    kind: 'DataSource',
    metadata: {
      name: 'markup-sis',
      title: `<b>Markup</b> SIS ${SCRIPT}`,
      description: `A description with ${SCRIPT} and ${IMAGE}`,
    },
    spec: {
      type: 'sis',
      category: 'administrative',
      lifecycle: 'production',
      owner: 'group:cedar-point-it',
      district: 'group:cedar-point',
      vendor: `Vendor ${SCRIPT}`,
      product: `Product ${IMAGE}`,
      access: {
        method: 'export',
        frequency: 'daily',
        note: `<b>Nightly</b> ${SCRIPT}`,
      },
      linkableByStudentId: true,
      coverage: { grades: ['K'], years: ['2024-25'] },
      privacy: 'pii',
      provides: [],
    },
  };
}

function valueOf(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('DataSourceOverviewCard, given HTML in an entity', () => {
  afterEach(() => {
    delete (window as { __ran?: boolean }).__ran;
  });

  it('shows tags and scripts as text and creates no element from them', async () => {
    const { container } = await renderInTestApp(
      <EntityProvider entity={markedUpSource()}>
        <DataSourceOverviewCard />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(valueOf('Vendor and product')).toHaveTextContent(
      `Vendor ${SCRIPT}, Product ${IMAGE}`,
    );
    expect(valueOf('Getting data out')).toHaveTextContent(
      `<b>Nightly</b> ${SCRIPT}`,
    );

    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('dd b')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __ran?: boolean }).__ran).toBeUndefined();
  });
});
