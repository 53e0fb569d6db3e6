import { Entity } from '@backstage/catalog-model';
import { ParsedRow, SourceFields } from './parseRows';
import { resolvePeople } from './resolvePeople';

const catalog: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'alder-creek' },
    spec: { type: 'district', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'alder-creek-it', title: 'Technology Department' },
    spec: { type: 'team', parent: 'alder-creek', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'kwame-ostrowski' },
    spec: {
      memberOf: ['alder-creek-it'],
      profile: { displayName: 'Kwame Ostrowski' },
    },
  },
];

function row(
  sheet: string,
  number: number,
  values: SourceFields,
): ParsedRow<SourceFields> {
  return { sheet, row: number, values, problems: [], faulty: [] };
}

describe('resolvePeople', () => {
  it("gives each known owner and steward's reference, however the name is written", () => {
    const people = resolvePeople(catalog, 'alder-creek', [
      row('Inventory', 2, {
        owner: 'Technology Department',
        steward: 'Kwame Ostrowski',
      }),
    ]);

    expect(people.refOf('owner', 'technology  department')).toBe(
      'group:alder-creek-it',
    );
    expect(people.refOf('steward', 'KWAME OSTROWSKI')).toBe(
      'user:kwame-ostrowski',
    );
    expect(people.unknown).toEqual([]);
  });

  it('lists an unknown name once, with every row that uses it and a suggestion', () => {
    const people = resolvePeople(catalog, 'alder-creek', [
      row('Inventory', 2, { steward: 'Kwame Ostrowsky' }),
      row('Inventory', 5, { steward: 'kwame ostrowsky' }),
      row('Assessment', 3, { steward: 'Kwame Ostrowsky' }),
    ]);

    expect(people.unknown).toEqual([
      {
        name: 'Kwame Ostrowsky',
        column: 'Steward',
        rows: [
          { sheet: 'Inventory', row: 2 },
          { sheet: 'Inventory', row: 5 },
          { sheet: 'Assessment', row: 3 },
        ],
        suggestion: { name: 'Kwame Ostrowski', ref: 'user:kwame-ostrowski' },
      },
    ]);
    expect(people.refOf('steward', 'Kwame Ostrowsky')).toBeUndefined();
  });

  it('lists a name unknown in both columns once per column', () => {
    const people = resolvePeople(catalog, 'alder-creek', [
      row('Inventory', 2, { owner: 'Food Services', steward: 'Food Services' }),
    ]);

    expect(people.unknown.map(p => [p.name, p.column])).toEqual([
      ['Food Services', 'Owner'],
      ['Food Services', 'Steward'],
    ]);
  });
});
