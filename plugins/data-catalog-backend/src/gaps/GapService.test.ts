import { TestDatabases } from '@backstage/backend-test-utils';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { buildReadModel } from '../readModel/buildReadModel';
import { CorrectionProvider, DistrictCorrection } from './CorrectionProvider';
import { GapService } from './GapService';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const ALDER_SIS = 'datasource:default/alder-creek-sis';
const ATTENDANCE = 'dataelement:default/daily-attendance-status';

/** Corrections an owner can change between two questions. */
class ChangingCorrections implements CorrectionProvider {
  corrections: DistrictCorrection[] = [];

  async listCorrections() {
    return this.corrections;
  }
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('GapService on %p', databaseId => {
  const demo = buildReadModel(loadDemoCatalog());
  let knex: Knex;
  let store: DatabaseReadModelStore;
  let corrections: ChangingCorrections;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    store = new DatabaseReadModelStore(knex);
    await store.replace(demo, 'demo-v1');
  });

  beforeEach(() => {
    corrections = new ChangingCorrections();
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    // Every test starts from the demo model at its first version.
    await store.replace(demo, 'demo-v1');
  });

  it('answers concurrent matrix requests with one pass over the region', async () => {
    const reads = jest.spyOn(store, 'getSources');
    await new GapService(store, corrections).regionMatrix();
    const onePass = reads.mock.calls.length;
    reads.mockClear();
    const gaps = new GapService(store, corrections);

    const answers = await Promise.all([
      gaps.regionMatrix(),
      gaps.regionMatrix(),
      gaps.regionMatrix(),
    ]);

    expect(onePass).toBeGreaterThan(0);
    expect(reads).toHaveBeenCalledTimes(onePass);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].districts.map(d => d.ref)).toContain(ALDER);
  });

  it('has the matrix ready after warming, without reading sources again', async () => {
    const gaps = new GapService(store, corrections);
    await gaps.warm();
    const reads = jest.spyOn(store, 'getSources');

    const matrix = await gaps.regionMatrix();
    const alder = await gaps.districtGaps(ALDER);

    expect(reads).not.toHaveBeenCalled();
    const row = matrix.districts.findIndex(d => d.ref === ALDER);
    expect(matrix.statuses[row]).toEqual(alder.results.map(r => r.status));
  });

  it('recomputes only the district whose source an owner corrected', async () => {
    const gaps = new GapService(store, corrections);
    await gaps.warm();
    const before = await gaps.districtGaps(ALDER);
    const reads = jest.spyOn(store, 'getSources');

    corrections.corrections = [
      {
        source: ALDER_SIS,
        element: ATTENDANCE,
        status: 'unusable',
        reason: 'Codes changed mid-year',
        by: 'user:default/guest',
        at: '2026-12-01T08:00:00.000Z',
        district: ALDER,
      },
    ];
    await gaps.warm();
    const after = await gaps.districtGaps(ALDER);

    expect(reads).toHaveBeenCalledTimes(2);
    for (const call of reads.mock.calls) {
      expect([ALDER, 'group:default/northlake-boces']).toContain(
        call[0]?.district,
      );
    }
    const changed = after.results.filter(
      (r, i) => r.status !== before.results[i].status,
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.flatMap(r => r.reasons).join(' ')).toContain(
      'Codes changed mid-year',
    );
  });

  it('never serves answers computed before a refresh that ended during the pass', async () => {
    const gaps = new GapService(store, corrections);
    // The first pass reads every source, then the catalog changes while
    // the rules still run: the next question must see the new model.
    const smaller = buildReadModel(
      loadDemoCatalog().filter(
        e =>
          !(
            e.kind === 'DataSource' && e.spec?.district === 'group:alder-creek'
          ),
      ),
    );
    const original = store.getSources.bind(store);
    jest.spyOn(store, 'getSources').mockImplementationOnce(async options => {
      const sources = await original(options);
      await store.replace(smaller, 'demo-v2');
      // Another request sees the new model while the first pass runs.
      await gaps.districtGaps(ALDER);
      return sources;
    });

    const first = await gaps.regionMatrix();
    const second = await gaps.regionMatrix();

    const row = (m: typeof first) =>
      m.districts.findIndex(d => d.ref === ALDER);
    const available = (m: typeof first) =>
      m.statuses[row(m)].filter(s => s === 'available').length;
    expect(available(first)).toBeGreaterThan(0);
    expect(available(second)).toBe(0);
  });
});
