import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function startWith(minimumCellSize: number | string) {
  return databases.init('SQLITE_3').then(knex =>
    startTestBackend({
      features: [
        dataCatalogPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: { dataCatalog: { privacy: { minimumCellSize } } },
        }),
      ],
    }),
  );
}

describe('the minimum cell size at start-up', () => {
  it('keeps the backend from starting when it is wrong', async () => {
    await expect(startWith(0)).rejects.toThrow(
      /dataCatalog\.privacy\.minimumCellSize must be a whole number/,
    );
  });

  it('lets a good one through', async () => {
    const backend = await startWith(10);
    await backend.stop();
  });
});
