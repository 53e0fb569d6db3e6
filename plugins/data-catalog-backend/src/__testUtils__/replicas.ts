import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
// The replicas test starts the real catalog with the data catalog's module.
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { dataCatalogPlugin } from '../plugin';

/** The scheduler task that refreshes the read model. */
export const REFRESH_TASK = 'data-catalog-read-model-refresh';

/**
 * Alder Creek's SIS feeding the BOCES warehouse, and one indicator that
 * needs the SIS's attendance: enough for a gap that a correction changes
 * and for lineage of more than one hop.
 */
export function replicaCatalog(): Entity[] {
  return [
    ...referencedEntities(),
    dataSource('alder-creek-sis'),
    dataSource('northlake-warehouse', {
      type: 'warehouse',
      owner: 'group:northlake-data-services',
      district: 'group:northlake-boces',
      fedBy: [
        {
          source: 'datasource:alder-creek-sis',
          elements: ['dataelement:daily-attendance'],
        },
      ],
      provides: [
        { element: 'dataelement:daily-attendance', field: 'att_status' },
      ],
    }),
    indicator('chronic-absence'),
  ];
}

/** Writes the entities as one catalog file in `dir`; returns its path. */
export function writeCatalogFile(dir: string, entities: Entity[]): string {
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(file, entities.map(e => stringify(e)).join('---\n'));
  return file;
}

/** One run of the refresh task, as a replica's scheduler started it. */
export interface RefreshRun {
  replica: string;
  /** How many runs, this one included, were under way when it started. */
  runningAtStart: number;
}

/**
 * Watches the refresh task on every replica of one test. Each run is held
 * open for `holdMs` after the refresh itself returns, so that a second
 * replica starting the task while the first still runs it would be seen:
 * a refresh of the test's small catalog takes only milliseconds.
 */
export class RefreshRecorder {
  readonly runs: RefreshRun[] = [];
  /** The task as each replica registered it with its scheduler. */
  readonly registrations: Array<{ replica: string; scope: string }> = [];
  private running = 0;

  constructor(private readonly holdMs: number) {}

  /** The most runs that were ever under way at once. */
  get mostAtOnce(): number {
    return Math.max(0, ...this.runs.map(r => r.runningAtStart));
  }

  /** The task, counted and held open while it runs on `replica`. */
  wrap<T extends SchedulerServiceTaskInvocationDefinition>(
    replica: string,
    task: T,
  ): T {
    return {
      ...task,
      fn: async signal => {
        this.running += 1;
        this.runs.push({ replica, runningAtStart: this.running });
        try {
          await task.fn(signal);
          await new Promise(resolve => setTimeout(resolve, this.holdMs));
        } finally {
          this.running -= 1;
        }
      },
    };
  }
}

/**
 * Backstage's own scheduler (`@backstage/backend-defaults`), which keeps
 * global tasks in the plugin's database, with the refresh task watched by
 * the recorder. Every other task runs unchanged.
 */
function watchedSchedulerFactory(replica: string, recorder: RefreshRecorder) {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      database: coreServices.database,
      logger: coreServices.logger,
      rootLifecycle: coreServices.rootLifecycle,
      httpRouter: coreServices.httpRouter,
      pluginMetadata: coreServices.pluginMetadata,
      metrics: metricsServiceRef,
    },
    async factory(deps) {
      const scheduler = DefaultSchedulerService.create(deps);
      return {
        getScheduledTasks: () => scheduler.getScheduledTasks(),
        triggerTask: id => scheduler.triggerTask(id),
        cancelTask: id => scheduler.cancelTask(id),
        createScheduledTaskRunner: schedule => ({
          run: task => scheduler.scheduleTask({ ...task, ...schedule }),
        }),
        scheduleTask: async task => {
          if (task.id !== REFRESH_TASK) {
            return scheduler.scheduleTask(task);
          }
          recorder.registrations.push({
            replica,
            scope: task.scope ?? 'global',
          });
          return scheduler.scheduleTask(recorder.wrap(replica, task));
        },
      };
    },
  });
}

/** Each plugin's database, by plugin ID. */
export type PluginDatabases = Record<'catalog' | 'data-catalog', Knex>;

/**
 * Gives each plugin its own database, as the default database service
 * does in production: the catalog and the data catalog keep their
 * migrations apart.
 */
function pluginDatabasesFactory(databases: PluginDatabases) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory({ pluginMetadata }) {
      const pluginId = pluginMetadata.getId();
      const knex = databases[pluginId as keyof PluginDatabases];
      if (!knex) {
        throw new Error(`No test database for the ${pluginId} plugin`);
      }
      return { getClient: async () => knex };
    },
  });
}

/**
 * One replica of the portal's backend: the real catalog with the data
 * catalog's module, reading `location`, and the data catalog plugin, each
 * on its database, with Backstage's real scheduler. Replicas given
 * connections to the same databases share the catalog's tables, the
 * plugin's tables and the scheduler's task tables, as replicas of one
 * deployment do. Every permission is allowed: who may write is tested
 * elsewhere.
 */
export async function startReplica(options: {
  name: string;
  databases: PluginDatabases;
  location: string;
  recorder: RefreshRecorder;
}) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataCatalog,
      dataCatalogPlugin,
      pluginDatabasesFactory(options.databases),
      watchedSchedulerFactory(options.name, options.recorder),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
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
          dataCatalog: {
            readModel: {
              // Short, so that both replicas try the refresh many times
              // within the test.
              schedule: {
                frequency: { seconds: 1 },
                timeout: { seconds: 30 },
                initialDelay: { seconds: 0 },
              },
            },
          },
        },
      }),
    ],
  });
}

/**
 * Second connection pools to the same databases: what another process of
 * the deployment would open, with the same driver, connection and pool
 * settings.
 */
export function anotherConnection(databases: PluginDatabases): PluginDatabases {
  const reconnect = (knex: Knex) => {
    const { client, connection, pool } = knex.client.config;
    return knexFactory({ client, connection, pool });
  };
  return {
    catalog: reconnect(databases.catalog),
    'data-catalog': reconnect(databases['data-catalog']),
  };
}

/** Calls `read` until `done` says yes, or gives up after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
