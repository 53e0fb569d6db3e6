import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import fs from 'node:fs/promises';
import { Knex } from 'knex';
import { dataCatalogPlugin } from '../../src/plugin';
import {
  catalogDatabaseModule,
  catalogProgress,
  GeneratedEntityProvider,
  providerModule,
} from './benchModules';
import {
  BackendSettings,
  ChildMessage,
  ParentMessage,
  SETTINGS_ENV,
} from './protocol';

/*
 * The backend under test, run by the benchmark in a child process so that
 * its memory is its own: Backstage's real backend with the catalog (and,
 * by mode, the data catalog's module, or the module and the plugin), on
 * the database
 * the benchmark chose, fed by a provider of the generated entities.
 */

function send(message: ChildMessage) {
  process.send!(message);
}

async function main() {
  const settings: BackendSettings = JSON.parse(process.env[SETTINGS_ENV]!);
  const entities: Entity[] = JSON.parse(
    await fs.readFile(settings.entitiesFile, 'utf8'),
  );
  const provider = new GeneratedEntityProvider(entities);
  let catalogDb: Knex | undefined;

  const backend = createBackend();
  // The backend's own configuration loader, reading only the file the
  // benchmark wrote.
  backend.add(
    rootConfigServiceFactory({
      argv: ['--config', settings.configFile],
      watch: false,
    }),
  );
  backend.add(catalogPlugin);
  backend.add(providerModule(provider));
  backend.add(catalogDatabaseModule(knex => (catalogDb = knex)));
  if (settings.mode !== 'resources') {
    backend.add(catalogModuleDataCatalog);
  }
  if (settings.mode === 'data-catalog') {
    backend.add(dataCatalogPlugin);
  }

  // A benchmark that dies leaves no backend behind.
  process.on('disconnect', () => process.exit(1));

  process.on('message', (message: ParentMessage) => {
    const handle = async () => {
      if (message.type === 'load') {
        const started = performance.now();
        const count = await provider.load();
        send({
          type: 'loaded',
          mutationMs: performance.now() - started,
          entities: count,
        });
      } else if (message.type === 'progress') {
        send({ type: 'progress', progress: await catalogProgress(catalogDb!) });
      } else if (message.type === 'stop') {
        await backend.stop();
        // Database pools and timers of stopped plugins may linger.
        process.exit(0);
      }
    };
    handle().catch(error => {
      send({ type: 'failed', message: String(error?.stack ?? error) });
    });
  });

  await backend.start();
  send({ type: 'ready' });
}

main().catch(error => {
  // A backend that failed to start may still hold pools and timers.
  process.send!(
    { type: 'failed', message: String(error?.stack ?? error) },
    () => process.exit(1),
  );
});
