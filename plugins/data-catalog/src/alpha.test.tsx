import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import dataCatalogPlugin from './alpha';

const element: Entity = {
  apiVersion: 'datacatalog.k12.dev/v1alpha1',
  kind: 'DataElement',
  metadata: { name: 'daily-attendance', title: 'Daily attendance' },
  spec: {
    owner: 'group:northlake-data-services',
    definition: 'Whether the student was present on a school day.',
    domain: 'attendance',
    grain: 'student-day',
    valueType: 'code',
    privacy: 'pii',
  },
};

const source: Entity = {
  ...element,
  kind: 'DataSource',
  metadata: { name: 'alder-creek-sis' },
};

function card(name: 'data-source-overview' | 'data-element-overview') {
  return createExtensionTester(
    dataCatalogPlugin.getExtension(`entity-card:data-catalog/${name}`),
  );
}

describe('the entity cards of the new frontend system', () => {
  it('puts both overviews in the main column, each on its own kind', () => {
    const sourceCard = card('data-source-overview');
    const elementCard = card('data-element-overview');

    expect(sourceCard.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    expect(elementCard.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const showsOn = (tester: ReturnType<typeof card>, entity: Entity) =>
      tester.get(EntityCardBlueprint.dataRefs.filterFunction)?.(entity);
    expect(showsOn(sourceCard, source)).toBe(true);
    expect(showsOn(sourceCard, element)).toBe(false);
    expect(showsOn(elementCard, element)).toBe(true);
    expect(showsOn(elementCard, source)).toBe(false);
  });

  it('renders the data element overview on an element page', async () => {
    await renderInTestApp(
      <EntityProvider entity={element}>
        {card('data-element-overview').reactElement()}
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByText('Data element overview'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Whether the student was present on a school day.'),
    ).toBeInTheDocument();
  });
});
