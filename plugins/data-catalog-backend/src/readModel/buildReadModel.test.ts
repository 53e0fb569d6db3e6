import { Entity } from '@backstage/catalog-model';
import {
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { buildReadModel } from './buildReadModel';

const WAREHOUSE = 'datasource:default/northlake-rdw';
const SIS = 'datasource:default/alder-creek-sis';
const IXL = 'datasource:default/alder-creek-ixl';

/** A source as the catalog serves it, with the relations it was given. */
function served(entity: Entity, fedBy: string[]): Entity {
  return {
    ...entity,
    relations: fedBy.map(targetRef => ({ type: 'fedBy', targetRef })),
  };
}

function feedsOf(entities: Entity[], ref: string) {
  const source = buildReadModel([
    ...referencedEntities(),
    ...entities,
  ]).sources.find(s => s.ref === ref);
  return source?.fedBy;
}

describe('buildReadModel feeds', () => {
  const warehouse = dataSource('northlake-rdw', {
    type: 'warehouse',
    fedBy: [
      {
        source: 'datasource:alder-creek-sis',
        elements: ['dataelement:daily-attendance'],
      },
    ],
  });

  it('reads the feeds of spec.fedBy from YAML, which has no relations', () => {
    expect(feedsOf([warehouse], WAREHOUSE)).toEqual([
      { upstream: SIS, elements: ['dataelement:default/daily-attendance'] },
    ]);
  });

  it('adds an upstream known only from a fedBy relation, elements unknown', () => {
    expect(
      feedsOf(
        [served(warehouse, [SIS, 'datasource:default/Alder-Creek-IXL'])],
        WAREHOUSE,
      ),
    ).toEqual([
      { upstream: SIS, elements: ['dataelement:default/daily-attendance'] },
      { upstream: IXL, elements: [] },
    ]);
  });

  it('keeps the elements spec.fedBy names when a relation repeats it', () => {
    expect(feedsOf([served(warehouse, [SIS])], WAREHOUSE)).toEqual([
      { upstream: SIS, elements: ['dataelement:default/daily-attendance'] },
    ]);
  });

  it('gives a source without spec.fedBy the feeds its relations show', () => {
    expect(
      feedsOf([served(dataSource('northlake-rdw'), [IXL])], WAREHOUSE),
    ).toEqual([{ upstream: IXL, elements: [] }]);
  });

  it('takes only fedBy relations to sources', () => {
    const entity = {
      ...dataSource('northlake-rdw'),
      relations: [
        { type: 'feeds', targetRef: IXL },
        { type: 'fedBy', targetRef: 'group:default/alder-creek' },
        { type: 'ownedBy', targetRef: 'group:default/alder-creek-it' },
      ],
    };

    expect(feedsOf([entity], WAREHOUSE)).toEqual([]);
  });
});
