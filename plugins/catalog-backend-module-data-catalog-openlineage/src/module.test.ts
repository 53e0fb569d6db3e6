import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  OPENLINEAGE_DATASETS_ANNOTATION,
  RELATION_FED_BY,
  RELATION_FEEDS,
} from '@internal/plugin-data-catalog-common';
import {
  dataSource,
  referencedEntities,
} from '@internal/plugin-data-catalog-common/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { IXL, RDW, SIS } from './__testUtils__/claims';
import { LANDING, ODS, runEvent } from './__testUtils__/events';
import { relationsOf, startCatalog } from './__testUtils__/startCatalog';

jest.setTimeout(240_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const SIS_API = 'https://alder-creek.sis.example';

function annotated(name: string, datasets: string, description = ''): Entity {
  const entity = dataSource(name);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      description,
      annotations: { [OPENLINEAGE_DATASETS_ANNOTATION]: datasets },
    },
  };
}

function writeCatalog(file: string, rdwDescription: string) {
  const entities = [
    ...referencedEntities(),
    annotated('northlake-rdw', `${ODS}/*`, rdwDescription),
    annotated('alder-creek-ixl', `${LANDING}/ixl/alder-creek/*`),
    annotated('alder-creek-sis', `${SIS_API}/*`),
    annotated('alder-creek-lexia', `${LANDING}/lexia/*/usage.csv`),
  ];
  fs.writeFileSync(file, entities.map(e => JSON.stringify(e)).join('\n---\n'));
}

describe.each(databases.eachSupportedId())(
  'OpenLineage lineage in the catalog, on %p',
  databaseId => {
    let dir: string;

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openlineage-module-'));
    });

    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('turns events from the file and from HTTP into fedBy relations that survive a restart', async () => {
      const knex = await databases.init(databaseId);
      const location = path.join(dir, 'catalog-info.yaml');
      writeCatalog(location, 'First reading.');
      const eventsFile = path.join(dir, 'events.jsonl');
      fs.writeFileSync(
        eventsFile,
        [
          JSON.stringify(
            runEvent({
              inputs: [
                { namespace: LANDING, name: 'ixl/alder-creek/usage.csv' },
                { namespace: LANDING, name: 'dreambox/usage.csv' },
              ],
            }),
          ),
          'not an event',
        ].join('\n'),
      );

      const first = await startCatalog({
        knex,
        location,
        // No initial delay: the test scheduler runs the task at start-up.
        openLineage: {
          file: eventsFile,
          schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
        },
      });
      try {
        const rdw = await first.waitForEntity(RDW, e =>
          relationsOf(e, RELATION_FED_BY).includes(IXL),
        );
        expect(relationsOf(rdw, RELATION_FED_BY)).toEqual([IXL]);
        const ixl = await first.waitForEntity(
          IXL,
          e => relationsOf(e, RELATION_FEEDS).length > 0,
        );
        expect(relationsOf(ixl, RELATION_FEEDS)).toEqual([RDW]);

        // The SIS's nightly load reaches the warehouse through staging.
        const posted = await request(first.server)
          .post('/api/catalog/openlineage/events')
          .set('Authorization', first.asService)
          .send([
            runEvent({
              inputs: [{ namespace: SIS_API, name: '/ws/v1/district/student' }],
              outputs: [{ namespace: 'spark://etl', name: 'tmp.students' }],
            }),
            runEvent({
              inputs: [{ namespace: 'spark://etl', name: 'tmp.students' }],
              outputs: [{ namespace: ODS, name: 'EdFi_Ods.edfi.Student' }],
            }),
          ]);
        expect(posted.status).toBe(200);
        expect(posted.body.datasets.unknown).toEqual([
          { namespace: 'spark://etl', name: 'tmp.students' },
        ]);
        expect(posted.body.lineage).toEqual([
          { source: RDW, fedBy: [SIS, IXL].sort() },
        ]);

        const refreshed = await first.waitForEntity(RDW, e =>
          relationsOf(e, RELATION_FED_BY).includes(SIS),
        );
        expect(relationsOf(refreshed, RELATION_FED_BY)).toEqual(
          [IXL, SIS].sort(),
        );
        expect(relationsOf(await first.entity(SIS), RELATION_FEEDS)).toEqual([
          RDW,
        ]);

        // The file's source with a malformed annotation is refused with
        // the reason, and the others are not held up by it.
        const errors = await processingErrors(knex);
        expect(errors['datasource:default/alder-creek-lexia']).toEqual([
          expect.stringContaining(
            `annotation ${OPENLINEAGE_DATASETS_ANNOTATION}: "${LANDING}/lexia/*/usage.csv" has a * before its end`,
          ),
        ]);
      } finally {
        await first.stop();
      }

      // Started again without the file; the warehouse is processed anew
      // once its description changes, and keeps the lineage seen before.
      writeCatalog(location, 'Second reading.');
      const second = await startCatalog({ knex, location });
      try {
        const rdw = await second.waitForEntity(
          RDW,
          e => e.metadata.description === 'Second reading.',
        );
        expect(rdw?.metadata.description).toBe('Second reading.');
        expect(relationsOf(rdw, RELATION_FED_BY)).toEqual([IXL, SIS].sort());

        const unknown = await request(second.server)
          .get('/api/catalog/openlineage/unknown-datasets')
          .set('Authorization', second.asService);
        expect(
          unknown.body.unknown.map((d: { name: string }) => d.name).sort(),
        ).toEqual(['dreambox/usage.csv', 'tmp.students']);
      } finally {
        await second.stop();
      }
    });
  },
);

/** The processing errors the catalog keeps, by entity reference. */
async function processingErrors(
  knex: Awaited<ReturnType<TestDatabases['init']>>,
): Promise<Record<string, string[]>> {
  const rows: Array<{ entity_ref: string; errors: string | null }> = await knex(
    'refresh_state',
  ).select('entity_ref', 'errors');
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
