import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  dataElement,
  dataSource,
  indicator,
} from '@internal/plugin-data-catalog-common/testUtils';
import { DataCatalogDocument } from '../documents';
import { DataCatalogCollatorFactory } from './DataCatalogCollatorFactory';

// The catalog module rejects malformed entities, so a real catalog never
// serves one; an in-memory catalog stands in for one that let one through.
describe('the data catalog collator, given an entity of an odd shape', () => {
  it('leaves that entity out with a warning naming it, and indexes the rest', async () => {
    const broken: Entity = dataSource('broken-sis', { provides: 'ATT_CODE' });
    const logger = mockServices.logger.mock();
    const factory = new DataCatalogCollatorFactory({
      auth: mockServices.auth(),
      catalog: catalogServiceMock({
        entities: [
          dataElement('daily-attendance'),
          indicator('chronic-absence'),
          broken,
          dataSource('working-sis'),
        ],
      }),
      logger,
      batchSize: 500,
    });

    const documents: DataCatalogDocument[] = [];
    for await (const document of await factory.getCollator()) {
      documents.push(document);
    }

    expect(documents.map(d => d.entityRef).sort()).toEqual([
      'dataelement:default/daily-attendance',
      'datasource:default/working-sis',
      'indicator:default/chronic-absence',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Left datasource:default/broken-sis out of the search index',
      ),
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Collated 1 data sources, 1 elements and 1 indicators .*; skipped 1$/,
      ),
    );
  });
});
