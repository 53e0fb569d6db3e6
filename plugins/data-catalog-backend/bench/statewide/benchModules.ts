import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { CatalogProgress } from './protocol';

const LOCATION = 'statewide-bench:generated';

/**
 * The entity provider of the benchmark: holds the generated entities and
 * hands all of them to the catalog in one full mutation when asked, as a
 * provider reading an export of the whole state would.
 */
export class GeneratedEntityProvider {
  private connection?: EntityProviderConnection;
  private readonly connected: Promise<void>;
  private markConnected!: () => void;

  constructor(private entities: Entity[]) {
    this.connected = new Promise(resolve => {
      this.markConnected = resolve;
    });
  }

  getProviderName(): string {
    return 'statewide-bench';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.markConnected();
  }

  /** Applies the full mutation; returns how many entities it held. */
  async load(): Promise<number> {
    await this.connected;
    const held = this.entities.length;
    await this.connection!.applyMutation({
      type: 'full',
      entities: this.entities.map(entity => ({
        entity: withLocation(entity),
        locationKey: LOCATION,
      })),
    });
    // The catalog keeps its own copy; the backend's memory afterwards
    // should not count the provider's.
    this.entities = [];
    return held;
  }
}

function withLocation(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

/** Registers the provider with the catalog. */
export function providerModule(provider: GeneratedEntityProvider) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'statewide-bench-provider',
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.addEntityProvider(provider);
        },
      });
    },
  });
}

/**
 * Hands over the catalog's database client, from which
 * {@link catalogProgress} counts how far processing and stitching got.
 */
export function catalogDatabaseModule(onClient: (knex: Knex) => void) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'statewide-bench-progress',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          onClient(await database.getClient());
        },
      });
    },
  });
}

async function count(query: Knex.QueryBuilder): Promise<number> {
  const [row] = await query.count({ n: '*' });
  return Number(row.n);
}

/**
 * The catalog's own tables are the only place that says whether stitching
 * is finished: its API serves an entity as soon as it is first stitched,
 * before the relations other entities point at it have reached it.
 */
export async function catalogProgress(knex: Knex): Promise<CatalogProgress> {
  const hasErrors = (q: Knex.QueryBuilder) =>
    q.whereNotNull('errors').whereNotIn('errors', ['', '[]']);
  const [entities, processed, withErrors, stitched, stitchQueue, errors] =
    await Promise.all([
      count(knex('refresh_state')),
      count(knex('refresh_state').whereNotNull('processed_entity')),
      count(hasErrors(knex('refresh_state'))),
      count(knex('final_entities').whereNotNull('final_entity')),
      count(knex('stitch_queue')),
      hasErrors(knex('refresh_state')).select('entity_ref', 'errors').limit(5),
    ]);
  return {
    entities,
    processed,
    withErrors,
    stitched,
    stitchQueue,
    sampleErrors: errors.map(
      (row: { entity_ref: string; errors: string }) =>
        `${row.entity_ref}: ${row.errors}`,
    ),
  };
}
