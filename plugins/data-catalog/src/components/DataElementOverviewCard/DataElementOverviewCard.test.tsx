import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { DataElementOverviewCard } from './DataElementOverviewCard';

function sexElement(
  spec: object = {},
  relations: Entity['relations'] = [],
): Entity {
  return {
    apiVersion: 'datacatalog.k12.dev/v1alpha1',
    kind: 'DataElement',
    metadata: { name: 'sex', title: 'Sex' },
    spec: {
      owner: 'group:northlake-data-services',
      definition:
        "The student's sex as recorded for state reporting; a subgroup for disaggregation.",
      domain: 'demographics',
      grain: 'student',
      valueType: 'code',
      privacy: 'pii',
      subgroup: true,
      codes: ['Female', 'Male', 'NotSelected'],
      ceds: { id: '000255', name: 'Sex' },
      edFi: {
        resource: 'studentEducationOrganizationAssociations',
        property: 'sexDescriptor',
        descriptor: 'SexDescriptor',
      },
      ...spec,
    },
    relations,
  };
}

const relations: Entity['relations'] = [
  { type: 'ownedBy', targetRef: 'group:default/northlake-data-services' },
  {
    type: 'elementRequiredBy',
    targetRef: 'indicator:default/regents-passing',
  },
  {
    type: 'elementRequiredBy',
    targetRef: 'indicator:default/course-passing',
  },
  {
    type: 'elementProvidedBy',
    targetRef: 'datasource:default/alder-creek-sis',
  },
];

async function renderCard(entity: Entity) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <DataElementOverviewCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The value shown beside a term of the card's definition list. */
function valueOf(term: string | RegExp): HTMLElement {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

describe('DataElementOverviewCard', () => {
  it('says what the element is and how one value looks, in words', async () => {
    await renderCard(sexElement({}, relations));

    expect(
      screen.getByText(/recorded for state reporting; a subgroup/),
    ).toBeInTheDocument();
    expect(
      within(valueOf('Owner')).getByRole('link', {
        name: /northlake-data-services/,
      }),
    ).toHaveAttribute('href', '/catalog/default/group/northlake-data-services');
    expect(valueOf('Domain')).toHaveTextContent(/^Demographics$/);
    expect(valueOf('Grain')).toHaveTextContent(/^One value per student$/);
    expect(valueOf('Value type')).toHaveTextContent(
      'A code from a fixed listOne of: Female, Male, NotSelected',
    );
    expect(valueOf('Privacy')).toHaveTextContent(
      /^Personally identifiable student records$/,
    );
    expect(valueOf('Subgroup')).toHaveTextContent(
      /^Yes: indicators are broken down by it/,
    );
  });

  it('shows the CEDS and Ed-Fi mappings', async () => {
    await renderCard(sexElement());

    expect(valueOf('CEDS')).toHaveTextContent(/^000255, Sex$/);
    expect(valueOf('Ed-Fi')).toHaveTextContent(
      /^studentEducationOrganizationAssociations\.sexDescriptor/,
    );
    expect(valueOf('Ed-Fi')).toHaveTextContent(
      'Coded by the descriptor SexDescriptor',
    );
  });

  it('links the indicators that need it and the sources that provide it', async () => {
    await renderCard(sexElement({}, relations));

    const needed = within(valueOf('Needed by (2)'));
    expect(
      needed.getAllByRole('link').map(link => link.getAttribute('href')),
    ).toEqual([
      '/catalog/default/indicator/course-passing',
      '/catalog/default/indicator/regents-passing',
    ]);
    expect(
      within(valueOf('Provided by (1)')).getByRole('link', {
        name: /alder-creek-sis/,
      }),
    ).toHaveAttribute('href', '/catalog/default/datasource/alder-creek-sis');
  });

  it('says plainly what is not mapped, needed or provided', async () => {
    await renderCard(
      sexElement({
        subgroup: undefined,
        codes: undefined,
        valueType: 'integer',
        grain: 'student-day',
        ceds: undefined,
        edFi: undefined,
      }),
    );

    expect(valueOf('Value type')).toHaveTextContent(/^A whole number$/);
    expect(valueOf('Grain')).toHaveTextContent(
      /^One value per student per school day$/,
    );
    expect(valueOf('Subgroup')).toHaveTextContent(/^No, indicators are not/);
    expect(valueOf('CEDS')).toHaveTextContent(/^Not mapped$/);
    expect(valueOf('Ed-Fi')).toHaveTextContent(/^Not mapped$/);
    expect(valueOf('Needed by (0)')).toHaveTextContent(
      /^No indicator needs it yet$/,
    );
    expect(valueOf('Provided by (0)')).toHaveTextContent(
      /^No source in the catalog provides it yet$/,
    );
  });

  it('explains itself on an entity that is not a data element', async () => {
    await renderCard({
      apiVersion: 'datacatalog.k12.dev/v1alpha1',
      kind: 'DataSource',
      metadata: { name: 'alder-creek-sis' },
      spec: {},
    });

    expect(
      screen.getByText(/DataSource alder-creek-sis is not one/),
    ).toBeInTheDocument();
  });
});
