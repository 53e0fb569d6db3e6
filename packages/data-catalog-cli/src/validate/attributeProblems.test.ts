import { Entity } from '@backstage/catalog-model';
import { validateCatalogSet } from '@internal/plugin-data-catalog-common';
import {
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { CatalogDocument } from '../catalog/readCatalogFiles';
import { attributeProblems } from './attributeProblems';

function written(file: string, entity: Entity): CatalogDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(stringify(entity), { lineCounter });
  return { file, entity, document, lineCounter };
}

/** Each problem as `file field`, the way the tests below compare them. */
function attributed(documents: CatalogDocument[]) {
  const problems = validateCatalogSet(documents.map(d => d.entity));
  return attributeProblems(problems, documents).map(
    found =>
      `${found.source.file} ${found.problem.field}${
        found.firstDefinition ? ` after ${found.firstDefinition.file}` : ''
      }`,
  );
}

const context = referencedEntities().map((entity, i) =>
  written(`context-${i}.yaml`, entity),
);

describe('attributeProblems', () => {
  it('gives a problem to the one document of its entity', () => {
    expect(
      attributed([
        ...context,
        written('sis.yaml', dataSource('sis', { privacy: 'secret' })),
      ]),
    ).toEqual(['sis.yaml spec.privacy']);
  });

  it('tells apart two definitions of one entity', () => {
    const first = dataSource('sis', {
      provides: [{ element: 'no-such-element', field: 'X' }],
    });
    const second = dataSource('sis', { lifecycle: 'retired-ish' });
    const third = dataSource('sis');

    expect(
      attributed([
        ...context,
        written('first.yaml', first),
        written('second.yaml', second),
        written('third.yaml', third),
      ]).sort(),
    ).toEqual([
      // Only the first definition is kept, so only its references count.
      'first.yaml spec.provides[0].element',
      'second.yaml metadata.name after first.yaml',
      'second.yaml spec.lifecycle',
      'third.yaml metadata.name after first.yaml',
    ]);
  });

  it('gives each copy of one broken entity its own problem', () => {
    const broken = dataSource('sis', { privacy: 'secret' });
    expect(
      attributed([
        ...context,
        written('a.yaml', broken),
        written('b.yaml', broken),
      ]).sort(),
    ).toEqual([
      'a.yaml spec.privacy',
      'b.yaml metadata.name after a.yaml',
      'b.yaml spec.privacy',
    ]);
  });
});
