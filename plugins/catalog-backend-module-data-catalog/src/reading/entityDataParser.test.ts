import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { billionLaughs } from '../__testUtils__/billionLaughs';
import { entityDataParser } from './entityDataParser';
import { UNREADABLE_ANNOTATION } from './unreadableAnnotation';

const location = { type: 'file', target: '/districts/alder-creek/sis.yaml' };
const group = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`;

async function parse(data: Buffer): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const result of entityDataParser({ data, location })) {
    expect(result.type).toBe('entity');
    const { entity, location: from } = result as Extract<
      CatalogProcessorResult,
      { type: 'entity' }
    >;
    expect(from).toEqual(location);
    entities.push(entity);
  }
  return entities;
}

describe('entityDataParser', () => {
  it('emits readable entities as they are', async () => {
    const entities = await parse(
      Buffer.from(`${group('a')}---\n${group('b')}`),
    );
    expect(entities.map(e => e.metadata)).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
  });

  it('puts a stand-in carrying the error in place of an unreadable document', async () => {
    const data = Buffer.from(
      `${group('a')}---\n${billionLaughs(group('bomb'))}`,
    );
    const [first, standIn] = await parse(data);

    expect(first.metadata.name).toBe('a');
    expect(standIn).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: expect.stringMatching(/^unreadable-[0-9a-f]{40}$/),
        title: 'Document 2 of file:/districts/alder-creek/sis.yaml',
        annotations: {
          [UNREADABLE_ANNOTATION]: JSON.stringify([
            'file:/districts/alder-creek/sis.yaml, document 2 at line 9, column 1: its aliases (*name) expand beyond the limit of 100, as in a "billion laughs" document; expected an entity written out with few or no aliases',
          ]),
        },
      },
      spec: {
        type: 'data-catalog-unreadable',
        target: 'file:/districts/alder-creek/sis.yaml',
      },
    });
    // The same on every read, so that the catalog keeps one stand-in.
    const [, again] = await parse(data);
    expect(again.metadata.name).toBe(standIn.metadata.name);
  });

  it('marks an entity holding bytes that are not UTF-8', async () => {
    const text = group('cafe').replace('type: team', 'type: caf\u00e9');
    const [entity] = await parse(Buffer.from(text, 'latin1'));
    expect(entity.spec?.type).toBe('caf\ufffd');
    expect(
      JSON.parse(entity.metadata.annotations![UNREADABLE_ANNOTATION]),
    ).toEqual([
      'group:default/cafe spec.type: holds bytes that are not UTF-8, read as "\ufffd"; expected the file saved as UTF-8',
    ]);
  });
});
