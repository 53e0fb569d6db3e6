import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { LINEAGE_CYCLE_ANNOTATION } from '@internal/plugin-data-catalog-common';
import { screen, within } from '@testing-library/react';
import { DataSourceOverviewCard } from './DataSourceOverviewCard';

function cedarPointSis(
  spec: object = {},
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'datacatalog.k12.dev/v1alpha1',
    kind: 'DataSource',
    metadata: {
      name: 'cedar-point-sis',
      title: 'Cedar Point Infinite Campus',
      annotations,
    },
    spec: {
      type: 'sis',
      category: 'administrative',
      lifecycle: 'production',
      owner: 'group:cedar-point-it',
      steward: 'user:benedict-oyelaran',
      district: 'group:cedar-point',
      vendor: 'Infinite Campus',
      product: 'Campus Student Information System',
      access: {
        method: 'api',
        frequency: 'daily',
        note: 'OneRoster API for platforms; nightly extract to the warehouse.',
      },
      linkableByStudentId: true,
      coverage: {
        grades: [
          'K',
          '1',
          '2',
          '3',
          '4',
          '5',
          '6',
          '7',
          '8',
          '9',
          '10',
          '11',
          '12',
        ],
        years: ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'],
      },
      privacy: 'sensitive-pii',
      provides: [],
      ...spec,
    },
  };
}

async function renderCard(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <DataSourceOverviewCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The value shown beside a term of the card's definition list. */
function valueOf(term: string): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('DataSourceOverviewCard', () => {
  it('shows who owns the source and what it holds, in words', async () => {
    await renderCard(cedarPointSis());

    expect(
      within(valueOf('Owner')).getByRole('link', { name: /cedar-point-it/ }),
    ).toHaveAttribute('href', '/catalog/default/group/cedar-point-it');
    expect(
      within(valueOf('Steward')).getByRole('link', {
        name: /benedict-oyelaran/,
      }),
    ).toHaveAttribute('href', '/catalog/default/user/benedict-oyelaran');
    expect(
      within(valueOf('District')).getByRole('link', { name: /cedar-point/ }),
    ).toHaveAttribute('href', '/catalog/default/group/cedar-point');
    expect(valueOf('Vendor and product')).toHaveTextContent(
      'Infinite Campus, Campus Student Information System',
    );
    expect(valueOf('Type')).toHaveTextContent(
      'Student information system, category administrative',
    );
    expect(valueOf('Lifecycle')).toHaveTextContent('In production');
    expect(valueOf('Getting data out')).toHaveTextContent('API, daily');
    expect(valueOf('Getting data out')).toHaveTextContent(
      'OneRoster API for platforms',
    );
    expect(valueOf('Linkable by student ID')).toHaveTextContent(
      'Yes, records carry the student ID',
    );
    expect(valueOf('Grades')).toHaveTextContent(/^K-12$/);
    expect(valueOf('School years')).toHaveTextContent(
      '2020-21 to 2024-25, 5 years',
    );
    expect(valueOf('Privacy')).toHaveTextContent(
      /Sensitive personally identifiable/,
    );
    expect(screen.queryByText(/leads back to itself/)).not.toBeInTheDocument();
  });

  it('flags a retired source and one with no way to get data out', async () => {
    await renderCard(
      cedarPointSis({
        lifecycle: 'retired',
        vendor: undefined,
        product: undefined,
        steward: undefined,
        access: { method: 'none', frequency: 'never' },
        linkableByStudentId: false,
        coverage: {
          grades: ['PK', 'K', '3', '4', '5'],
          years: ['2019-20', '2022-23'],
        },
      }),
    );

    expect(valueOf('Lifecycle')).toHaveTextContent(
      /^Retired: no longer in use/,
    );
    expect(valueOf('Getting data out')).toHaveTextContent(
      /^No way to get data out$/,
    );
    expect(valueOf('Linkable by student ID')).toHaveTextContent(
      /^No, records cannot be matched/,
    );
    expect(valueOf('Steward')).toHaveTextContent('None named');
    expect(valueOf('Vendor and product')).toHaveTextContent('Not recorded');
    expect(valueOf('Grades')).toHaveTextContent(/^PK-K, 3-5$/);
    expect(valueOf('School years')).toHaveTextContent(/^2019-20, 2022-23$/);
  });

  it('flags a deprecated source in words', async () => {
    await renderCard(cedarPointSis({ lifecycle: 'deprecated' }));

    expect(valueOf('Lifecycle')).toHaveTextContent(
      /^Deprecated: being phased out/,
    );
  });

  it('warns of a lineage cycle and links the sources in it', async () => {
    await renderCard(
      cedarPointSis(
        {},
        {
          [LINEAGE_CYCLE_ANNOTATION]:
            'datasource:default/cedar-point-sis -> datasource:default/cedar-point-iep-direct -> datasource:default/cedar-point-sis',
        },
      ),
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/lineage leads back to itself/);
    expect(
      within(alert).getByRole('link', { name: /cedar-point-iep-direct/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/datasource/cedar-point-iep-direct',
    );
    expect(within(alert).getAllByRole('link')).toHaveLength(3);
  });

  it('explains itself on an entity that is not a data source', async () => {
    await renderCard({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'portal' },
      spec: {},
    });

    expect(screen.getByText(/Component portal is not one/)).toBeInTheDocument();
  });
});
