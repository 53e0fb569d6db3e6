import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import request from 'supertest';
import { Knex } from '../database/migrations';
import { catalogModuleDataCatalogOpenLineage } from '../module';

/**
 * A real catalog backend with the data catalog module and this one on the
 * given database. Requests without a token are refused, as in production.
 */
export async function startCatalog(options: {
  knex: Knex;
  /** A catalog file to register. */
  location?: string;
  /** The module's `dataCatalog.openLineage` settings. */
  openLineage?: object;
}) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataCatalog,
      catalogModuleDataCatalogOpenLineage,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            // Short, so that a source refused for a reference not read
            // yet is tried again within seconds.
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
            locations: options.location
              ? [{ type: 'file', target: options.location }]
              : [],
          },
          dataCatalog: { openLineage: options.openLineage ?? {} },
        },
      }),
    ],
  });

  const { server } = backend;
  const asService = mockCredentials.service.header();

  /** The entity the catalog serves, or undefined. */
  async function entity(ref: string): Promise<Entity | undefined> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const response = await request(server)
      .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
      .set('Authorization', asService);
    return response.status === 200 ? response.body : undefined;
  }

  /** Polls until `check` holds for the served entity, or times out. */
  async function waitForEntity(
    ref: string,
    check: (entity: Entity) => boolean,
    timeoutMs = 60_000,
  ): Promise<Entity | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const served = await entity(ref);
      if ((served && check(served)) || Date.now() > deadline) {
        return served;
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  /** Polls until the catalog serves at least `count` entities. */
  async function waitForCount(count: number, timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await request(server)
        .get('/api/catalog/entities?fields=kind')
        .set('Authorization', asService);
      if (response.body.length >= count || Date.now() > deadline) {
        return response.body.length as number;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  return {
    server,
    asService,
    entity,
    waitForEntity,
    waitForCount,
    stop: () => backend.stop(),
  };
}

/** The targets of an entity's relations of one type, sorted. */
export function relationsOf(entity: Entity | undefined, type: string) {
  return (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}
