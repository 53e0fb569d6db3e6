import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { demoClaims, IXL, RDW, SIS } from '../__testUtils__/claims';
import { LANDING, ODS, runEvent } from '../__testUtils__/events';
import { DatabaseLineageStore } from '../database/LineageStore';
import { parseRunEvent } from '../events/runEvent';
import { ObservedLineage } from './ObservedLineage';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ixlUsage = { namespace: LANDING, name: 'ixl/alder-creek/usage.csv' };
const lexiaUsage = { namespace: LANDING, name: 'lexia/alder-creek/usage.csv' };
const staging = { namespace: ODS, name: 'staging.platform_usage' };
const stagingElsewhere = { namespace: 'spark://etl', name: 'tmp.usage' };
const platformUsage = { namespace: ODS, name: 'EdFi_Ods.rdw.PlatformUsage' };

function event(inputs: object[], outputs: object[]) {
  return parseRunEvent(runEvent({ inputs, outputs }));
}

describe('ObservedLineage', () => {
  async function setUp() {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseLineageStore.create(
      mockServices.database({ knex }),
    );
    const claims = demoClaims();
    const logger = mockServices.logger.mock();
    const refresh = jest.fn(async (_ref: string) => {});
    const lineage = new ObservedLineage({ store, claims, logger, refresh });
    return { lineage, claims, logger, refresh };
  }

  it('answers which datasets are which source and refreshes the written one', async () => {
    const { lineage, refresh } = await setUp();

    const report = await lineage.ingest([
      event([ixlUsage, lexiaUsage], [platformUsage]),
    ]);

    expect(report).toEqual({
      events: 1,
      datasets: {
        matched: [
          { ...ixlUsage, source: IXL },
          { ...platformUsage, source: RDW },
        ],
        unknown: [lexiaUsage],
        ambiguous: [],
      },
      lineage: [{ source: RDW, fedBy: [IXL] }],
    });
    expect(refresh).toHaveBeenCalledWith(RDW);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('logs an unknown dataset once and keeps listing it', async () => {
    const { lineage, logger } = await setUp();

    await lineage.ingest([event([lexiaUsage], [platformUsage])]);
    await lineage.ingest([event([lexiaUsage], [platformUsage])]);

    const logged = logger.info.mock.calls.filter(([message]) =>
      message.includes('lexia/alder-creek/usage.csv'),
    );
    expect(logged).toHaveLength(1);
    expect(await lineage.unmatchedDatasets()).toEqual({
      unknown: [expect.objectContaining(lexiaUsage)],
      ambiguous: [],
    });
  });

  it('follows lineage through datasets nobody claims', async () => {
    const { lineage } = await setUp();

    // IXL's file goes through a Spark job's scratch table on its way in.
    await lineage.ingest([
      event([ixlUsage], [stagingElsewhere]),
      event([stagingElsewhere], [staging]),
      event([staging], [platformUsage]),
    ]);

    expect(
      await lineage.upstreamOf(RDW, [{ kind: 'prefix', prefix: `${ODS}/` }]),
    ).toEqual([IXL]);
    expect(await lineage.upstreamOf(IXL, [])).toEqual([]);
  });

  it('gives lineage to a source annotated after the events came', async () => {
    const { lineage, claims } = await setUp();
    const sisStudents = {
      namespace: 'https://alder-creek.sis.example',
      name: '/ws/v1/district/student',
    };
    await lineage.ingest([event([sisStudents], [platformUsage])]);

    expect(
      await lineage.upstreamOf(RDW, [{ kind: 'prefix', prefix: `${ODS}/` }]),
    ).toEqual([]);

    claims.set(SIS, 'https://alder-creek.sis.example/*');

    expect(
      await lineage.upstreamOf(RDW, [{ kind: 'prefix', prefix: `${ODS}/` }]),
    ).toEqual([SIS]);
    expect((await lineage.unmatchedDatasets()).unknown).toEqual([]);
  });

  it('leaves a dataset two sources claim equally out, and says so', async () => {
    const { lineage, claims, logger } = await setUp();
    claims.set(SIS, `${LANDING}/ixl/alder-creek/*`);

    const report = await lineage.ingest([event([ixlUsage], [platformUsage])]);

    expect(report.datasets.ambiguous).toEqual([
      { ...ixlUsage, sources: [IXL, SIS] },
    ]);
    expect(report.lineage).toEqual([{ source: RDW, fedBy: [] }]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('is claimed equally by'),
    );
  });

  it('keeps the events when the catalog cannot be asked to refresh', async () => {
    const { lineage, refresh, logger } = await setUp();
    refresh.mockRejectedValue(new Error('catalog is restarting'));

    const report = await lineage.ingest([event([ixlUsage], [platformUsage])]);

    expect(report.lineage).toEqual([{ source: RDW, fedBy: [IXL] }]);
    expect(logger.warn).toHaveBeenCalledWith(
      `Could not ask the catalog to refresh ${RDW}`,
      expect.any(Error),
    );
  });
});
