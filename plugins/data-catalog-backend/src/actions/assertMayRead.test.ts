import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { NotAllowedError } from '@backstage/errors';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { applyDatabaseMigrations } from '../database/migrations';
import { OwnersStore } from '../database/OwnersStore';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { GapService } from '../gaps/GapService';
import { LineageService } from '../lineage/LineageService';
import { buildReadModel } from '../readModel/buildReadModel';
import { assertMayRead } from './assertMayRead';
import { registerDataCatalogActions } from './registerDataCatalogActions';

// The actions registry turns anonymous callers away before an action runs,
// so through it the actions' own check cannot be seen; here each action is
// called directly with the credentials the test gives it.

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const inputs: Record<string, object> = {
  'list-districts': {},
  'list-indicators': {},
  'get-district-gaps': { district: 'alder-creek' },
  'get-indicator-availability': { indicator: 'chronic-absenteeism-rate' },
  'get-lineage': { entity: 'alder-creek-sis' },
};

describe('who may ask the assistant actions', () => {
  const auth = mockServices.auth();
  const registry = actionsRegistryServiceMock();

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const readModel = new DatabaseReadModelStore(knex);
    await readModel.replace(buildReadModel(loadDemoCatalog()), 'demo-v1');

    registerDataCatalogActions({
      actionsRegistry: registry,
      auth,
      readModel,
      gaps: new GapService(readModel, new OwnersStore(knex)),
      lineage: new LineageService(readModel),
    });
  });

  it('lets in signed-in users and backend services', () => {
    expect(() => assertMayRead(auth, mockCredentials.user())).not.toThrow();
    expect(() => assertMayRead(auth, mockCredentials.service())).not.toThrow();
  });

  it('turns away a caller who is nobody', () => {
    expect(() => assertMayRead(auth, mockCredentials.none())).toThrow(
      new NotAllowedError(
        'Reading the data catalog needs a signed-in user or a backend service',
      ),
    );
  });

  it.each(Object.keys(inputs))(
    'answers %s for a user and refuses it to nobody',
    async name => {
      const id = `test:${name}`;

      const answered = await registry.invoke({
        id,
        input: inputs[name] as any,
        credentials: mockCredentials.user('user:default/ada'),
      });
      expect(answered.output).toBeDefined();

      await expect(
        registry.invoke({
          id,
          input: inputs[name] as any,
          credentials: mockCredentials.none(),
        }),
      ).rejects.toThrow(NotAllowedError);
    },
  );
});
