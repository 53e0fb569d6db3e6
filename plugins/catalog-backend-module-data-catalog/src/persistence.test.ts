import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import { catalogModuleDataCatalog } from './module';

jest.setTimeout(120_000);

// The local portal keeps its catalog in SQLite files, configured as in
// app-config.yaml, so that what was loaded is still there after a restart.
describe('the catalog on SQLite files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-sqlite-'));
  const location = path.join(dir, 'catalog-info.yaml');

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function start(processing: boolean) {
    return startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataCatalog,
        // The default database factory, reading the config below.
        mockServices.database.factory(),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: {
                client: 'better-sqlite3',
                connection: { directory: path.join(dir, 'sqlite') },
              },
            },
            catalog: {
              processingInterval: processing ? { seconds: 1 } : false,
              rules: [
                {
                  allow: [
                    'Location',
                    'Group',
                    'User',
                    'DataSource',
                    'DataElement',
                  ],
                },
              ],
              locations: [{ type: 'file', target: location }],
            },
          },
        }),
      ],
    });
  }

  async function names(server: Parameters<typeof request>[0]) {
    const response = await request(server).get('/api/catalog/entities');
    return (response.body as Array<{ metadata: { name: string } }>)
      .map(e => e.metadata.name)
      .sort();
  }

  it('serves what it loaded after a restart, without reading YAML again', async () => {
    const entities = [...referencedEntities(), dataSource('alder-creek-sis')];
    fs.writeFileSync(location, entities.map(e => stringify(e)).join('---\n'));

    const first = await start(true);
    const deadline = Date.now() + 60_000;
    let loaded: string[] = [];
    while (Date.now() < deadline) {
      loaded = await names(first.server);
      if (loaded.includes('alder-creek-sis')) break;
      await new Promise(resolve => setTimeout(resolve, 300));
    }
    await first.stop();
    expect(loaded).toContain('alder-creek-sis');
    expect(fs.readdirSync(path.join(dir, 'sqlite'))).toContain(
      'catalog.sqlite',
    );

    // With processing off and the YAML gone, only the file can answer.
    fs.rmSync(location);
    const second = await start(false);
    try {
      expect(await names(second.server)).toEqual(loaded);
    } finally {
      await second.stop();
    }
  });
});
