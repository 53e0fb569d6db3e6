import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  anotherConnection,
  PluginDatabases,
  RefreshRecorder,
  replicaCatalog,
  startReplica,
  waitFor,
  writeCatalogFile,
} from './__testUtils__/replicas';

jest.setTimeout(180_000);

// Several replicas share a database only on PostgreSQL; on SQLite every
// process has its own file.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const databaseIds = databases.eachSupportedId();
if (databaseIds.length === 0) {
  throw new Error(
    'The replicas test needs PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  );
}

const API = '/api/data-catalog';
const SIS = `${API}/annotations/sources/default/alder-creek-sis`;
const GAPS = `${API}/districts/alder-creek/gaps`;
const LINEAGE = `${API}/lineage/datasource/default/alder-creek-sis`;
const CHRONIC_ABSENCE = 'indicator:default/chronic-absence';
const ALDER_CREEK = 'group:default/alder-creek';
const ada = mockCredentials.user.header('user:default/ada-quill');

type Server = Parameters<typeof request>[0];
type GapResult = { indicator: string; status: string; reasons: string[] };

/** What a replica answers for Alder Creek, without the refresh time. */
async function gapsOf(server: Server) {
  const res = await request(server).get(GAPS).set('Authorization', ada);
  return {
    status: res.status,
    summary: res.body.summary,
    results: (res.body.results ?? []) as GapResult[],
  };
}

function chronicAbsence(gaps: { results: GapResult[] }) {
  return gaps.results.find(r => r.indicator === CHRONIC_ABSENCE);
}

/**
 * Alder Creek's status for chronic absence in each view that keeps its
 * own answers: the district's gaps, the regional matrix and the
 * indicator across districts.
 */
async function gapViewsOf(server: Server) {
  const get = (route: string) =>
    request(server).get(`${API}${route}`).set('Authorization', ada);
  const [district, matrix, availability] = await Promise.all([
    gapsOf(server),
    get('/region/matrix'),
    get(`/indicators/${encodeURIComponent(CHRONIC_ABSENCE)}/availability`),
  ]);
  const row = matrix.body.districts.findIndex(
    (d: { ref: string }) => d.ref === ALDER_CREEK,
  );
  const column = matrix.body.indicators.findIndex(
    (i: { ref: string }) => i.ref === CHRONIC_ABSENCE,
  );
  return {
    district: chronicAbsence(district)?.status,
    matrix: matrix.body.statuses[row]?.[column],
    availability: availability.body.results?.find(
      (r: { district: string }) => r.district === ALDER_CREEK,
    )?.status,
  };
}

async function lineageOf(server: Server) {
  return request(server)
    .get(LINEAGE)
    .query({ direction: 'both' })
    .set('Authorization', ada);
}

/** When the read model a replica answers from was last refreshed. */
async function refreshedAt(server: Server): Promise<string> {
  const res = await request(server)
    .get(`${API}/districts`)
    .set('Authorization', ada);
  return res.body.refreshedAt;
}

async function annotationOf(server: Server) {
  return request(server).get(SIS).set('Authorization', ada);
}

describe.each(databaseIds)('two replicas of the backend on one %p', id => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-replicas-'));
  // Each refresh is held open for 300 ms, long against the test's
  // one-second schedule, so that overlapping runs would show.
  const recorder = new RefreshRecorder(300);
  let ofB: PluginDatabases | undefined;
  let a: Awaited<ReturnType<typeof startReplica>>;
  let b: Awaited<ReturnType<typeof startReplica>>;
  let aStopped = false;

  beforeAll(async () => {
    const ofA: PluginDatabases = {
      catalog: await databases.init(id),
      'data-catalog': await databases.init(id),
    };
    ofB = anotherConnection(ofA);
    const location = writeCatalogFile(dir, replicaCatalog());

    a = await startReplica({ name: 'A', databases: ofA, location, recorder });
    b = await startReplica({ name: 'B', databases: ofB, location, recorder });

    // Both catalogs process the file and one replica refreshes the read
    // model; then both know the warehouse the SIS feeds.
    for (const replica of [a, b]) {
      await waitFor(
        () => lineageOf(replica.server),
        res =>
          res.status === 200 &&
          res.body.nodes.some(
            (n: { ref: string }) =>
              n.ref === 'datasource:default/northlake-warehouse',
          ),
      );
    }
  });

  afterAll(async () => {
    if (!aStopped) {
      await a?.stop();
    }
    await b?.stop();
    await ofB?.catalog.destroy();
    await ofB?.['data-catalog'].destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the same gaps and lineage from both replicas', async () => {
    const [gapsA, gapsB] = await Promise.all([
      gapsOf(a.server),
      gapsOf(b.server),
    ]);
    expect(gapsA.status).toBe(200);
    expect(chronicAbsence(gapsA)).toBeDefined();
    expect(gapsB).toEqual(gapsA);

    const [lineageA, lineageB] = await Promise.all([
      lineageOf(a.server),
      lineageOf(b.server),
    ]);
    expect(lineageA.status).toBe(200);
    expect(lineageA.body.edges).toContainEqual(
      expect.objectContaining({
        from: 'datasource:default/alder-creek-sis',
        to: 'datasource:default/northlake-warehouse',
        type: 'feeds',
      }),
    );
    expect(lineageB.body).toEqual(lineageA.body);
  });

  it('refreshes the read model on one replica at a time', async () => {
    expect(recorder.registrations).toEqual([
      { replica: 'A', scope: 'global' },
      { replica: 'B', scope: 'global' },
    ]);

    // Both replicas try every second; wait for several runs in all.
    const refreshedBefore = await refreshedAt(b.server);
    const seen = recorder.runs.length;
    await waitFor(
      async () => recorder.runs.length,
      runs => runs >= seen + 6,
    );

    expect(recorder.runs.length).toBeGreaterThanOrEqual(seen + 6);
    expect(recorder.mostAtOnce).toBe(1);
    // The runs did refresh the model both replicas read.
    expect(Date.parse(await refreshedAt(a.server))).toBeGreaterThan(
      Date.parse(refreshedBefore),
    );
  });

  it("reads through one replica what was written through the other, and B's gaps follow at once", async () => {
    // B has answered, and kept, each view of the gaps before the write.
    const before = await gapViewsOf(b.server);
    expect(before).toEqual({
      district: before.district,
      matrix: before.district,
      availability: before.district,
    });
    expect(['available', 'partial']).toContain(before.district);

    const current = await annotationOf(a.server);
    const written = await request(a.server)
      .put(SIS)
      .set('Authorization', ada)
      .send({
        version: current.body.version,
        notes: 'Attendance codes checked against the paper registers',
        corrections: [
          {
            element: 'dataelement:daily-attendance',
            status: 'unusable',
            reason: 'Codes are blank since the vendor upgrade',
          },
        ],
      });
    expect(written.status).toBe(200);

    const readThroughB = await annotationOf(b.server);
    expect(readThroughB.status).toBe(200);
    expect(readThroughB.body).toEqual(written.body);

    expect(await gapViewsOf(b.server)).toEqual({
      district: 'missing',
      matrix: 'missing',
      availability: 'missing',
    });
    const after = chronicAbsence(await gapsOf(b.server));
    expect(after?.reasons.join(' ')).toContain(
      'Codes are blank since the vendor upgrade',
    );
    expect(await gapsOf(a.server)).toEqual(await gapsOf(b.server));
  });

  it('refuses the second of two edits made from the same version, on either replica', async () => {
    const readByA = await annotationOf(a.server);
    const readByB = await annotationOf(b.server);
    expect(readByB.body.version).toBe(readByA.body.version);
    const { version } = readByA.body;

    const first = await request(a.server)
      .put(SIS)
      .set('Authorization', ada)
      .send({ version, notes: 'Export fixed on Monday' });
    const second = await request(b.server)
      .put(SIS)
      .set('Authorization', ada)
      .send({ version, notes: 'Export still broken' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(
      `It is at version ${version + 1}`,
    );
    expect((await annotationOf(b.server)).body.notes).toBe(
      'Export fixed on Monday',
    );

    // Sent at the same moment, one of the two wins, whichever it is.
    const racing = await Promise.all(
      [a, b].map(replica =>
        request(replica.server)
          .put(SIS)
          .set('Authorization', ada)
          .send({
            version: version + 1,
            notes: `Checked through ${replica === a ? 'A' : 'B'}`,
          }),
      ),
    );
    expect(racing.map(r => r.status).sort()).toEqual([200, 409]);
    const winner = racing.find(r => r.status === 200)!;
    expect((await annotationOf(a.server)).body).toEqual(winner.body);

    const history = await request(b.server)
      .get(`${API}/history`)
      .query({
        subjectType: 'annotation',
        subjectId: 'source:datasource:default/alder-creek-sis',
      })
      .set('Authorization', ada);
    // Each version is recorded once: the losing writes left no trace.
    const versions = history.body.items.map(
      (h: { after: { version: number } }) => h.after.version,
    );
    expect(versions.slice(0, 2)).toEqual([version + 2, version + 1]);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('records each change of status once when writes in one district reach both replicas at once', async () => {
    const INDICATOR_NOTE = `${API}/annotations/indicators/default/chronic-absence/districts/alder-creek`;
    const changesSoFar = async () =>
      (
        await request(b.server)
          .get(
            `${API}/indicators/${encodeURIComponent(
              CHRONIC_ABSENCE,
            )}/status-changes`,
          )
          .query({ district: 'alder-creek' })
          .set('Authorization', ada)
      ).body.items as Array<{ from: string; to: string; cause: string }>;
    // The last edit left the SIS without corrections.
    expect(chronicAbsence(await gapsOf(b.server))?.status).toBe('partial');
    const before = (await changesSoFar()).length;

    // Each round, A takes the SIS's attendance away or gives it back while
    // B saves a note on the indicator: both replicas then snapshot Alder
    // Creek at the same moment and see the same change of status.
    const rounds = ['missing', 'partial', 'missing', 'partial'];
    for (const [round, expected] of rounds.entries()) {
      const sis = await annotationOf(a.server);
      const note = await request(b.server)
        .get(INDICATOR_NOTE)
        .set('Authorization', ada);
      const writes = await Promise.all([
        request(a.server)
          .put(SIS)
          .set('Authorization', ada)
          .send({
            version: sis.body.version,
            corrections:
              expected === 'missing'
                ? [
                    {
                      element: 'dataelement:daily-attendance',
                      status: 'unusable',
                      reason: `Blank again in round ${round}`,
                    },
                  ]
                : [],
          }),
        request(b.server)
          .put(INDICATOR_NOTE)
          .set('Authorization', ada)
          .send({
            version: note.body.version,
            notes: `Reviewed in round ${round}`,
          }),
      ]);
      expect(writes.map(w => w.status)).toEqual([200, 200]);
    }

    const recorded = (await changesSoFar()).slice(before);
    expect(recorded.map(c => [c.from, c.to, c.cause])).toEqual([
      ['partial', 'missing', 'annotation'],
      ['missing', 'partial', 'annotation'],
      ['partial', 'missing', 'annotation'],
      ['missing', 'partial', 'annotation'],
    ]);
  });

  // Last, as it stops replica A.
  it('goes on refreshing on replica B once replica A stops', async () => {
    await a.stop();
    aStopped = true;
    const seen = recorder.runs.length;
    const refreshedBefore = await refreshedAt(b.server);

    const runsOnB = () =>
      recorder.runs.slice(seen).filter(r => r.replica === 'B').length;
    await waitFor(
      async () => runsOnB(),
      runs => runs >= 2,
    );

    expect(runsOnB()).toBeGreaterThanOrEqual(2);
    expect(recorder.mostAtOnce).toBe(1);
    expect(Date.parse(await refreshedAt(b.server))).toBeGreaterThan(
      Date.parse(refreshedBefore),
    );
  });
});
