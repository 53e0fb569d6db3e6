import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { dataSource } from '@internal/plugin-data-catalog-common/testUtils';
import { markUnreadable } from '../reading/unreadableAnnotation';
import { DataCatalogEntitiesProcessor } from './DataCatalogEntitiesProcessor';

const subject = new DataCatalogEntitiesProcessor({
  logger: mockServices.logger.mock(),
});

function preProcess(entity: Entity) {
  return subject.preProcessEntity(entity);
}

describe('DataCatalogEntitiesProcessor.preProcessEntity', () => {
  it('lets valid entities of any kind through unchanged', async () => {
    const source = dataSource('alder-creek-sis');
    await expect(preProcess(source)).resolves.toBe(source);
  });

  it('rejects what the parser marked, whatever its kind, with its message', async () => {
    const marked = markUnreadable(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'cafe' },
        spec: {},
      },
      ['group:default/cafe spec.type: holds bytes that are not UTF-8'],
    );
    await expect(preProcess(marked)).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: 'group:default/cafe spec.type: holds bytes that are not UTF-8',
      }),
    );
  });

  it('rejects the annotation written by hand', async () => {
    const entity = dataSource('x');
    entity.metadata.annotations = { 'datacatalog.k12.dev/unreadable': 'yes' };
    await expect(preProcess(entity)).rejects.toThrow(
      "datasource:default/x metadata.annotations: datacatalog.k12.dev/unreadable is the catalog's own; expected it left out",
    );
  });

  it('names a look-alike letter in a name before the catalog rejects it', async () => {
    await expect(preProcess(dataSource('d\u0430ily-sis'))).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'Invalid DataSource: datasource:default/d\u0430ily-sis metadata.name: "d\u0430ily-sis" has the look-alike "\u0430" (U+0430, Cyrillic small letter a) in place of "a"; expected ASCII only, as in "daily-sis"',
      }),
    );
  });

  it('leaves the names of other kinds to the catalog', async () => {
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'd\u0430ily' },
      spec: {},
    };
    await expect(preProcess(group)).resolves.toBe(group);
  });
});
