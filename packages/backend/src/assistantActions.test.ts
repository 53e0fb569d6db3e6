import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import catalogModuleDataCatalog from '@internal/plugin-catalog-backend-module-data-catalog';
import dataCatalogPlugin from '@internal/plugin-data-catalog-backend';
import {
  DEMO_CATALOG_ROOT,
  loadDemoCatalog,
} from '@internal/plugin-data-catalog-common/testUtils';
import { JsonObject } from '@backstage/types';
import path from 'node:path';
import request from 'supertest';
import { mcpRequest } from './__testUtils__/mcpRequest';

jest.setTimeout(240_000);

// An assistant's questions, end to end: the real catalog backend reads the
// demo region, the data catalog builds its read model from it, and the MCP
// actions backend offers the data catalog's actions as tools, configured
// by the repository's own app-config.yaml.

const ADA = mockCredentials.user.header('user:default/ada');

/** The `backend.actions` section of the repository's app-config.yaml. */
async function actionsConfig(): Promise<JsonObject> {
  const config = await ConfigSources.toConfig(
    FileConfigSource.create({
      path: path.resolve(__dirname, '../../../app-config.yaml'),
      watch: false,
      substitutionFunc: async () => undefined,
    }),
  );
  config.close();
  return config.getConfig('backend.actions').get<JsonObject>();
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the data catalog through the MCP actions backend, on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let scheduler: SchedulerService | undefined;

    const callTool = (name: string, args: object, authorization = ADA) =>
      mcpRequest(
        backend.server,
        'tools/call',
        { name, arguments: args },
        authorization,
      );

    beforeAll(async () => {
      // Each plugin its own database, as in production: the catalog and
      // the data catalog keep their migrations in same-named tables.
      const clients = new Map<string, ReturnType<typeof databases.init>>();
      const databasePerPlugin = createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) => ({
          getClient: () => {
            const id = plugin.getId();
            if (!clients.has(id)) {
              clients.set(id, databases.init(databaseId));
            }
            return clients.get(id)!;
          },
        }),
      });

      // The data catalog's scheduler, to run its refresh when the catalog
      // is ready rather than on a timer.
      const schedulerOfTheDataCatalog = createBackendModule({
        pluginId: 'data-catalog',
        moduleId: 'test-scheduler',
        register(env) {
          env.registerInit({
            deps: { pluginScheduler: coreServices.scheduler },
            async init({ pluginScheduler }) {
              scheduler = pluginScheduler;
            },
          });
        },
      });

      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleDataCatalog,
          dataCatalogPlugin,
          mcpActionsPlugin,
          databasePerPlugin,
          schedulerOfTheDataCatalog,
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.rootConfig.factory({
            data: {
              backend: { actions: await actionsConfig() },
              catalog: {
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
                locations: [
                  {
                    type: 'file',
                    target: path.join(DEMO_CATALOG_ROOT, 'catalog-info.yaml'),
                  },
                ],
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });

      // The catalog processes the region in its own time; the data catalog
      // reads it once it is all there.
      const expected = loadDemoCatalog().length;
      const deadline = Date.now() + 180_000;
      for (;;) {
        const res = await request(backend.server)
          .get('/api/catalog/entities')
          .query({ fields: 'kind' })
          .set('Authorization', ADA);
        const served = res.body.filter(
          (e: { kind: string }) => e.kind !== 'Location',
        );
        if (served.length >= expected || Date.now() > deadline) {
          break;
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
      }
      await scheduler!.triggerTask('data-catalog-read-model-refresh');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it("offers the data catalog's five actions as read-only tools, and nothing else", async () => {
      const { status, message } = await mcpRequest(
        backend.server,
        'tools/list',
        {},
        ADA,
      );

      expect(status).toBe(200);
      const tools = message!.result.tools;
      // app-config.yaml lists the data catalog alone as a source of
      // actions: the catalog's own, which can delete entities, stay out.
      expect(tools.map((t: { name: string }) => t.name).sort()).toEqual([
        'data-catalog.get-district-gaps',
        'data-catalog.get-indicator-availability',
        'data-catalog.get-lineage',
        'data-catalog.list-districts',
        'data-catalog.list-indicators',
      ]);
      for (const tool of tools) {
        expect(tool.annotations).toEqual(
          expect.objectContaining({
            readOnlyHint: true,
            destructiveHint: false,
          }),
        );
        expect(tool.inputSchema.type).toBe('object');
      }
    });

    it('says which indicators a district cannot compute, and why', async () => {
      const { status, message } = await callTool(
        'data-catalog.get-district-gaps',
        { district: 'Birch Harbor', status: ['missing'] },
      );

      expect(status).toBe(200);
      const { result } = message!;
      expect(result.isError).toBeFalsy();
      const output = result.structuredContent;
      expect(output.district.ref).toBe('group:default/birch-harbor');
      expect(output.indicators.length).toBe(output.summary.total.missing);
      expect(output.indicators.length).toBeGreaterThan(0);
      for (const indicator of output.indicators) {
        expect(indicator.status).toBe('missing');
        expect(indicator.gaps.length).toBeGreaterThan(0);
        for (const gap of indicator.gaps) {
          expect(gap.reason).toEqual(expect.any(String));
        }
      }
      // The text content an assistant reads is the same answer.
      expect(JSON.parse(result.content[0].text)).toEqual(output);
    });

    it('finds the districts a name matches, to ask about one', async () => {
      const { message } = await callTool('data-catalog.list-districts', {
        query: 'cedar',
      });
      expect(message!.result.structuredContent.districts).toEqual([
        expect.objectContaining({
          ref: 'group:default/cedar-point',
          type: 'district',
        }),
      ]);
    });

    it('tells the assistant which district it could not find', async () => {
      const { status, message } = await callTool(
        'data-catalog.get-district-gaps',
        { district: 'Atlantis' },
      );

      expect(status).toBe(200);
      expect(message!.result.isError).toBe(true);
      expect(message!.result.content[0].text).toBe(
        'NotFoundError: No district matches "Atlantis"; list-districts lists every district in the catalog',
      );
    });

    it('finds an indicator by name and compares the districts on it', async () => {
      const listed = await callTool('data-catalog.list-indicators', {
        query: 'chronic absenteeism',
      });
      const [indicator] = listed.message!.result.structuredContent.indicators;
      expect(indicator.title).toBe('Chronic absenteeism rate');

      const { message } = await callTool(
        'data-catalog.get-indicator-availability',
        { indicator: indicator.ref },
      );
      const output = message!.result.structuredContent;
      expect(output.indicator.ref).toBe(indicator.ref);
      expect(
        output.districts.map((d: { district: string }) => d.district).sort(),
      ).toEqual([
        'group:default/alder-creek',
        'group:default/birch-harbor',
        'group:default/cedar-point',
        'group:default/dunmore',
        'group:default/elmwood-falls',
      ]);
    });

    it('follows lineage from a source to the indicators it serves', async () => {
      const { message } = await callTool('data-catalog.get-lineage', {
        entity: 'alder-creek-sis',
        direction: 'downstream',
      });
      const output = message!.result.structuredContent;
      expect(output.root).toBe('datasource:default/alder-creek-sis');
      expect(
        output.nodes.filter((n: { kind: string }) => n.kind === 'indicator')
          .length,
      ).toBeGreaterThan(0);
    });

    it('turns away an assistant that is not signed in', async () => {
      const { status, message } = await mcpRequest(
        backend.server,
        'tools/call',
        {
          name: 'data-catalog.get-district-gaps',
          arguments: { district: 'Birch Harbor' },
        },
      );
      expect(status).toBe(401);
      expect(message?.result).toBeUndefined();
    });
  },
);
