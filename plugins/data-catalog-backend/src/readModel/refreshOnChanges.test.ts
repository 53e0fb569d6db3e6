import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import {
  dataSource,
  indicator,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import { dataCatalogPlugin } from '../plugin';

jest.setTimeout(120_000);

const LINEAGE = '/api/data-catalog/lineage/datasource/default';

/** Asks `read` every 250 ms until `done`, for at most `timeoutMs`. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe('the read model after a catalog change', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dc-changes-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows within seconds, though its schedule is hourly', async () => {
    const file = path.join(dir, 'catalog-info.yaml');
    const write = (names: string[]) =>
      fs.writeFileSync(
        file,
        [
          ...referencedEntities(),
          ...names.map(name => dataSource(name)),
          indicator('chronic-absence'),
        ]
          .map(entity => stringify(entity))
          .join('---\n'),
      );
    // Nothing to read at first, so that everything after arrives once the
    // plugin listens: what the catalog processed before that is what the
    // refresh at start-up and the schedule are for.
    write([]);

    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataCatalog,
        dataCatalogPlugin,
        // The test kit's events service records events without passing
        // them on; the real one carries them between the two plugins.
        eventsServiceFactory,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.user(),
        }),
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
              locations: [{ type: 'file', target: file }],
            },
            dataCatalog: {
              readModel: {
                // Runs once at start, when the catalog is still empty;
                // after that only announcements can bring changes in.
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 1 },
                  initialDelay: { seconds: 0 },
                },
              },
            },
          },
        }),
      ],
    });
    const lineageOf = (name: string) => () =>
      request(server).get(`${LINEAGE}/${name}`);

    write(['alder-creek-sis']);
    const first = await eventually(
      lineageOf('alder-creek-sis'),
      res => res.status === 200,
    );
    expect(first.status).toBe(200);

    // A second source appears in the file: the catalog reads it on its
    // next pass, and the read model follows without waiting an hour.
    write(['alder-creek-sis', 'alder-creek-lms']);
    const added = await eventually(
      lineageOf('alder-creek-lms'),
      res => res.status === 200,
    );
    expect(added.status).toBe(200);
    expect(added.body.root).toBe('datasource:default/alder-creek-lms');
  });
});
