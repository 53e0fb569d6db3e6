import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { catalogModuleDataCatalog } from '../module';

/** A real catalog backend with this module, reading one file location. */
export async function startCatalog(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  location: string;
}) {
  const knex = await options.databases.init(options.databaseId);
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataCatalog,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            // Entities rejected for a dangling reference are retried on
            // this interval; short, so that the test waits seconds.
            processingInterval: { seconds: 2 },
            rules: [
              {
                allow: [
                  'Location',
                  'Group',
                  'User',
                  'DataSource',
                  'DataElement',
                  'Indicator',
                ],
              },
            ],
            locations: [{ type: 'file', target: options.location }],
          },
        },
      }),
    ],
  });

  const { server } = backend;
  const stop = () => backend.stop();

  /** Every entity the catalog serves. */
  async function entities(): Promise<Entity[]> {
    const response = await request(server).get('/api/catalog/entities');
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Polls until the catalog serves as many entities as expected. */
  async function waitForEntities(
    count: number,
    timeoutMs = 120_000,
  ): Promise<Entity[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const served = await entities();
      if (served.length >= count || Date.now() > deadline) {
        return served;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  /** The processing errors the catalog keeps, by entity reference. */
  async function processingErrors(): Promise<Record<string, string[]>> {
    const rows: Array<{ entity_ref: string; errors: string | null }> =
      await knex('refresh_state').select('entity_ref', 'errors');
    return Object.fromEntries(
      rows
        .map(row => [
          row.entity_ref,
          JSON.parse(row.errors || '[]').map(
            (e: { message: string }) => e.message,
          ),
        ])
        .filter(([, errors]) => errors.length > 0),
    );
  }

  return { server, stop, entities, waitForEntities, processingErrors };
}
