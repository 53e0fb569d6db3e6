import { Entity } from '@backstage/catalog-model';
import { PeopleMatcher } from './matchPeople';

function team(
  name: string,
  parent: string,
  title?: string,
  email?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, ...(title ? { title } : {}) },
    spec: {
      type: 'team',
      parent,
      children: [],
      profile: email ? { email } : {},
    },
  };
}

function person(
  name: string,
  memberOf: string[],
  displayName?: string,
  email?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf, profile: { displayName, email } },
  };
}

const catalog: Entity[] = [
  team('northlake-boces', ''),
  team('alder-creek', 'northlake-boces', 'Alder Creek CSD'),
  team('birch-harbor', 'northlake-boces', 'Birch Harbor CSD'),
  team(
    'alder-creek-it',
    'alder-creek',
    'Technology Department',
    'helpdesk@alder-creek.example.org',
  ),
  team('birch-harbor-it', 'birch-harbor', 'Technology Department'),
  team('alder-creek-assessment', 'alder-creek', 'Assessment Office'),
  team('alder-creek-testing', 'alder-creek', 'Assessment Office'),
  team('data-services', 'northlake-boces', 'Kwame Ostrowski'),
  person(
    'kwame-ostrowski',
    ['alder-creek-it'],
    'Kwame Ostrowski',
    'kwame@example.org',
  ),
  person('hana-castellano', ['alder-creek-it'], 'Hana Castellano'),
  person('jo-park', ['group:default/alder-creek-it'], 'Jo Park'),
  person('jo-park-2', ['birch-harbor-it'], 'Jo Park'),
  person('sam-lee', ['birch-harbor-it'], 'Sam Lee'),
  person('sam-lee-2', ['birch-harbor-it'], 'Sam Lee'),
];

describe('PeopleMatcher', () => {
  const matcher = new PeopleMatcher(catalog, 'alder-creek');

  it.each([
    ['its name', 'alder-creek-it'],
    ['its email', 'HelpDesk@Alder-Creek.example.org'],
    ['its reference', 'group:alder-creek-it'],
    ['its full reference', 'group:default/alder-creek-it'],
  ])('finds a group by %s', (_, text) => {
    expect(matcher.match(text, 'group')).toEqual({
      ref: 'group:alder-creek-it',
    });
  });

  it.each([
    ['display name', 'Kwame Ostrowski'],
    ['display name in other case and spacing', 'kwame  OSTROWSKI'],
    ['email', 'kwame@example.org'],
    ['name', 'kwame-ostrowski'],
  ])('finds a steward by %s', (_, text) => {
    expect(matcher.match(text, 'user')).toEqual({
      ref: 'user:kwame-ostrowski',
    });
  });

  it('takes a group for an owner and a user for a steward when both match', () => {
    expect(matcher.match('Kwame Ostrowski', 'group')).toEqual({
      ref: 'group:data-services',
    });
    expect(matcher.match('Kwame Ostrowski', 'user')).toEqual({
      ref: 'user:kwame-ostrowski',
    });
  });

  it("settles a title several districts' groups share in favour of the district's own", () => {
    expect(matcher.match('Technology Department', 'group')).toEqual({
      ref: 'group:alder-creek-it',
    });
  });

  it('settles a shared display name in favour of a member of the district', () => {
    expect(matcher.match('Jo Park', 'user')).toEqual({ ref: 'user:jo-park' });
  });

  it('lists the candidates when a name matches several equally well', () => {
    expect(matcher.match('Assessment Office', 'group')).toEqual({
      candidates: ['group:alder-creek-assessment', 'group:alder-creek-testing'],
    });
    expect(matcher.match('Sam Lee', 'user')).toEqual({
      candidates: ['user:sam-lee', 'user:sam-lee-2'],
    });
  });

  it('suggests the closest name for a misspelt one', () => {
    expect(matcher.match('Hana Castelano', 'user')).toEqual({
      suggestion: { name: 'Hana Castellano', ref: 'user:hana-castellano' },
    });
    expect(matcher.match('Alder Crek CSD', 'group')).toEqual({
      suggestion: { name: 'Alder Creek CSD', ref: 'group:alder-creek' },
    });
  });

  it("suggests the district's own group, and a user for a steward", () => {
    // Birch Harbor's team comes first in the catalog, and the group titled
    // like the steward before the steward.
    const reordered = [
      ...catalog.filter(e => e.metadata.name === 'birch-harbor-it'),
      ...catalog.filter(e => e.metadata.name !== 'birch-harbor-it'),
    ];
    const alder = new PeopleMatcher(reordered, 'alder-creek');

    expect(alder.match('Technology Departmnt', 'group')).toEqual({
      suggestion: {
        name: 'Technology Department',
        ref: 'group:alder-creek-it',
      },
    });
    expect(alder.match('Kwame Ostrowsky', 'user')).toEqual({
      suggestion: { name: 'Kwame Ostrowski', ref: 'user:kwame-ostrowski' },
    });
  });

  it('follows parents written as references to find the district', () => {
    const withRefs = [
      team('alder-creek', 'group:default/northlake-boces'),
      team('birch-harbor', 'northlake-boces'),
      team('alder-creek-it', 'group:default/alder-creek', 'Technology'),
      team('birch-harbor-it', 'birch-harbor', 'Technology'),
    ];

    const alder = new PeopleMatcher(withRefs, 'alder-creek');

    expect(alder.match('Technology', 'group')).toEqual({
      ref: 'group:alder-creek-it',
    });
  });

  it('suggests nothing for a name unlike any in the catalog', () => {
    expect(matcher.match('Facilities and Transportation', 'group')).toEqual({
      suggestion: undefined,
    });
  });

  it('does not take a reference to an entity the catalog lacks', () => {
    expect(matcher.match('group:alder-creek-finance', 'group')).toEqual({
      suggestion: undefined,
    });
    expect(matcher.match('user:alder-creek-it', 'user')).not.toHaveProperty(
      'ref',
    );
  });
});
