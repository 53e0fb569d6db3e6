import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import { GapStatusStore } from '../database/GapStatusStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { buildReadModel } from '../readModel/buildReadModel';
import { CorrectionProvider, DistrictCorrection } from './CorrectionProvider';
import { GapService } from './GapService';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const BIRCH = 'group:default/birch-harbor';
const BOCES = 'group:default/northlake-boces';
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
    expect(reads).not.toHaveBeenCalled();

    // The full answer with its reasons is computed on demand, once.
    const alder = await gaps.districtGaps(ALDER);
    await gaps.districtGaps(ALDER);
    expect(reads).toHaveBeenCalledTimes(1);
    const row = matrix.districts.findIndex(d => d.ref === ALDER);
    expect(matrix.statuses[row]).toEqual(alder.results.map(r => r.status));
    expect(matrix.districts[row].summary).toEqual(alder.summary);
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

    // Once for the matrix's statuses, once for the full answer; each reads
    // Alder Creek's sources and its BOCES's only.
    expect(reads).toHaveBeenCalledTimes(2);
    for (const call of reads.mock.calls) {
      expect(call[0]?.districts).toEqual([ALDER, BOCES]);
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

  it('recomputes after a refresh only the districts whose sources changed', async () => {
    const gaps = new GapService(store, corrections);
    await gaps.warm();
    const before = await gaps.regionMatrix();

    // Alder Creek retires its SIS; no other district's sources change.
    const changed = buildReadModel(loadDemoCatalog());
    changed.sources.find(s => s.ref === ALDER_SIS)!.lifecycle = 'retired';
    await store.replace(changed, 'demo-v2');
    const reads = jest.spyOn(store, 'getSources');
    const after = await gaps.regionMatrix();

    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][0]?.districts).toEqual([ALDER, BOCES]);
    const row = (m: typeof before, ref: string) =>
      m.statuses[m.districts.findIndex(d => d.ref === ref)];
    expect(row(after, ALDER)).not.toEqual(row(before, ALDER));
    expect(row(after, BIRCH)).toEqual(row(before, BIRCH));
  });

  it('recomputes every district when the vocabulary changes', async () => {
    const gaps = new GapService(store, corrections);
    await gaps.warm();

    const changed = buildReadModel(loadDemoCatalog());
    changed.indicators[0].grades = ['12'];
    await store.replace(changed, 'demo-v2');
    const reads = jest.spyOn(store, 'getSources');
    const matrix = await gaps.regionMatrix();

    const asked = reads.mock.calls.flatMap(call => call[0]?.districts ?? []);
    expect(asked).toEqual(
      expect.arrayContaining(matrix.districts.map(d => d.ref)),
    );
  });

  it('serves another replica from the statuses it stored, computing nothing', async () => {
    const statusStore = new GapStatusStore(knex);
    const first = new GapService(store, corrections, { statusStore });
    const matrix = await first.regionMatrix();

    const second = new GapService(store, corrections, { statusStore });
    const reads = jest.spyOn(store, 'getSources');

    expect(await second.regionMatrix()).toEqual(matrix);
    expect(reads).not.toHaveBeenCalled();
  });

  it('ignores stored statuses computed without a correction made since', async () => {
    const statusStore = new GapStatusStore(knex);
    await new GapService(store, corrections, { statusStore }).warm();
    const before = await new GapService(store, corrections).districtGaps(ALDER);

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
    const second = new GapService(store, corrections, { statusStore });
    const matrix = await second.regionMatrix();
    const after = await second.districtGaps(ALDER);

    const row = matrix.districts.findIndex(d => d.ref === ALDER);
    expect(matrix.statuses[row]).toEqual(after.results.map(r => r.status));
    expect(matrix.statuses[row]).not.toEqual(before.results.map(r => r.status));
  });

  it('computes the matrix when the stored statuses cannot be read', async () => {
    const statusStore = new GapStatusStore(knex);
    jest
      .spyOn(statusStore, 'read')
      .mockRejectedValue(new Error('connection reset'));
    const logger = mockServices.logger.mock();
    const gaps = new GapService(store, corrections, { statusStore, logger });

    const matrix = await gaps.regionMatrix();

    expect(matrix).toEqual(
      await new GapService(store, corrections).regionMatrix(),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read stored gap statuses',
      expect.objectContaining({ message: 'connection reset' }),
    );
  });

  it('keeps only the recent districts whole', async () => {
    const gaps = new GapService(store, corrections, { recentDistricts: 1 });
    const reads = jest.spyOn(store, 'getSources');

    const first = await gaps.districtGaps(ALDER);
    await gaps.districtGaps(BIRCH);
    const again = await gaps.districtGaps(ALDER);

    expect(reads).toHaveBeenCalledTimes(3);
    expect(again).toEqual(first);
  });

  it('answers one indicator in every district as each district does', async () => {
    const gaps = new GapService(store, corrections);
    const matrix = await gaps.regionMatrix();
    const indicator = matrix.indicators[3].ref;

    const across = await gaps.indicatorAcrossDistricts(indicator);
    const alder = await gaps.districtGaps(ALDER);

    expect(across.results.map(r => r.district)).toEqual(
      matrix.districts.map(d => d.ref),
    );
    expect(across.results.find(r => r.district === ALDER)).toEqual(
      alder.results.find(r => r.indicator === indicator),
    );
  });
});
