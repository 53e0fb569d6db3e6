import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  ALDER,
  BIRCH,
  BOCES,
  district,
  el,
  element,
  ind,
  indicator,
  source,
  src,
} from '../__testUtils__/readModel';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { DistrictCorrection } from '../gaps/CorrectionProvider';
import { GapService } from '../gaps/GapService';
import { ReadModel } from '../readModel/types';
import { ProgressService } from './ProgressService';

jest.setTimeout(60_000);

const ABSENCE = ind('chronic-absence');
const DEVICES = ind('device-rate');
const START = Date.parse('2026-11-02T08:00:00.000Z');
const HOUR = 60 * 60 * 1000;

const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

/**
 * Two districts and two indicators in different stages and constructs.
 * Alder Creek can compute both; Birch Harbor keeps no device inventory
 * until `withBirchDevices`.
 */
const region: ReadModel = {
  districts: [BOCES, ALDER, BIRCH].map(district),
  elements: ['student-id', 'attendance', 'device-assigned'].map(name =>
    element(name),
  ),
  indicators: [
    indicator('chronic-absence', ['student-id', 'attendance']),
    indicator('device-rate', ['student-id', 'device-assigned'], {
      stage: 'access',
      construct: 'flexible-learning-environments',
    }),
  ],
  sources: [
    source('alder-sis', ALDER, ['student-id', 'attendance']),
    source('alder-devices', ALDER, ['student-id', 'device-assigned'], {
      type: 'spreadsheet',
    }),
    source('birch-sis', BIRCH, ['student-id', 'attendance']),
  ],
};

const withBirchDevices: ReadModel = {
  ...region,
  sources: [
    ...region.sources,
    source('birch-devices', BIRCH, ['student-id', 'device-assigned'], {
      type: 'spreadsheet',
    }),
  ],
};

const blankAttendance: DistrictCorrection = {
  district: ALDER,
  source: src('alder-sis'),
  element: el('attendance'),
  status: 'unusable',
  reason: 'Attendance is blank since the upgrade',
  by: 'user:default/ada',
  at: at(3),
};

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'ProgressService with SnapshotStore on %p',
  databaseId => {
    let readModel: DatabaseReadModelStore;
    let snapshots: SnapshotStore;
    let gaps: GapService;
    let progress: ProgressService;
    let now: number;
    const corrections: DistrictCorrection[] = [];

    const statusOf = async (districtRef: string, indicatorRef: string) =>
      (await gaps.districtGaps(districtRef)).results.find(
        r => r.indicator === indicatorRef,
      )!;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      readModel = new DatabaseReadModelStore(knex);
      snapshots = new SnapshotStore(knex);
      gaps = new GapService(readModel, {
        listCorrections: async () => corrections,
      });
      progress = new ProgressService(
        gaps,
        snapshots,
        mockServices.logger.mock(),
        () => new Date(now),
      );
    });

    it('takes nothing while the catalog has no indicators', async () => {
      await readModel.replace({ ...region, indicators: [] }, 'loading');
      now = START - HOUR;
      expect(await progress.takeSnapshots('catalog')).toBe(0);
      expect((await snapshots.latest()).size).toBe(0);
    });

    it('takes a first snapshot of each district, every status new', async () => {
      await readModel.replace(region, 'v1');
      now = START;
      expect(await progress.takeSnapshots('catalog')).toBe(2);

      const [alder] = await snapshots.series(ALDER);
      expect(alder).toMatchObject({
        takenAt: at(0),
        cause: 'catalog',
        statuses: { [ABSENCE]: 'available', [DEVICES]: 'available' },
      });
      expect((await snapshots.latest()).get(BIRCH)!.statuses).toEqual({
        [ABSENCE]: 'available',
        [DEVICES]: 'missing',
      });

      const devices = await snapshots.changes({ indicator: DEVICES });
      expect(devices).toEqual([
        expect.objectContaining({ district: ALDER, to: 'available' }),
        {
          district: BIRCH,
          indicator: DEVICES,
          from: undefined,
          to: 'missing',
          reasons: (await statusOf(BIRCH, DEVICES)).reasons,
          cause: 'catalog',
          changedAt: at(0),
        },
      ]);
      expect(devices[1].reasons.join(' ')).toContain('device-assigned');
    });

    it('writes nothing again within a day when nothing changed', async () => {
      now = START + HOUR;
      expect(await progress.takeSnapshots('daily')).toBe(0);
      // A refresh that changed only a title changes no status.
      await readModel.replace(
        {
          ...region,
          sources: region.sources.map(s => ({ ...s, title: `${s.title}!` })),
        },
        'v1-retitled',
      );
      expect(await progress.takeSnapshots('catalog')).toBe(0);
      // Nor does an annotation that changes no status.
      expect(await progress.takeSnapshots('annotation', [BIRCH])).toBe(0);
      now = START + 24 * HOUR - 1;
      expect(await progress.takeSnapshots('daily')).toBe(0);
      expect(await snapshots.series(ALDER)).toHaveLength(1);
      expect(await snapshots.series(BIRCH)).toHaveLength(1);
    });

    it('snapshots a district the moment a refresh changes its gaps', async () => {
      await readModel.replace(withBirchDevices, 'v2');
      now = START + 2 * HOUR;
      // Only Birch Harbor changed, and Alder Creek is not due yet.
      expect(await progress.takeSnapshots('catalog')).toBe(1);

      expect((await snapshots.series(BIRCH)).at(-1)).toMatchObject({
        takenAt: at(2),
        cause: 'catalog',
      });
      expect(
        await snapshots.changes({ indicator: DEVICES, district: BIRCH }),
      ).toEqual([
        expect.objectContaining({ from: undefined, to: 'missing' }),
        expect.objectContaining({
          from: 'missing',
          to: 'available',
          cause: 'catalog',
          changedAt: at(2),
          reasons: (await statusOf(BIRCH, DEVICES)).reasons,
        }),
      ]);
      expect(await snapshots.series(ALDER)).toHaveLength(1);
    });

    it('snapshots a district once when an annotation changes its gaps', async () => {
      corrections.push(blankAttendance);
      now = START + 3 * HOUR;
      // Two writes at once: the second must see what the first recorded.
      const taken = await Promise.all([
        progress.takeSnapshots('annotation', [ALDER]),
        progress.takeSnapshots('annotation', [ALDER]),
      ]);
      expect(taken).toEqual([1, 0]);

      const changes = await snapshots.changes({
        indicator: ABSENCE,
        district: ALDER,
      });
      expect(changes).toHaveLength(2);
      expect(changes[1]).toMatchObject({
        from: 'available',
        to: 'missing',
        cause: 'annotation',
        changedAt: at(3),
      });
      expect(changes[1].reasons.join(' ')).toContain(
        'corrected by user:default/ada on 2026-11-02: Attendance is blank since the upgrade',
      );
      // The indicator the correction does not touch has no new change.
      expect(
        await snapshots.changes({ indicator: DEVICES, district: ALDER }),
      ).toHaveLength(1);
    });

    it('snapshots each district a day after its last one, with no change', async () => {
      now = START + 26 * HOUR;
      // A day after Birch Harbor's last snapshot, not yet Alder Creek's.
      expect(await progress.takeSnapshots('daily')).toBe(1);
      expect((await snapshots.series(BIRCH)).at(-1)).toMatchObject({
        takenAt: at(26),
        cause: 'daily',
      });

      now = START + 27 * HOUR;
      expect(await progress.takeSnapshots('daily')).toBe(1);
      expect((await snapshots.series(ALDER)).at(-1)).toMatchObject({
        takenAt: at(27),
        cause: 'daily',
      });

      now = START + 28 * HOUR;
      expect(await progress.takeSnapshots('daily')).toBe(0);
      // Daily snapshots record no change of status.
      const all = [
        ...(await snapshots.changes({ indicator: ABSENCE })),
        ...(await snapshots.changes({ indicator: DEVICES })),
      ];
      expect(all.filter(c => c.cause === 'daily')).toEqual([]);
      expect(all).toHaveLength(6);
    });

    it('keeps a series per district by stage and by construct', async () => {
      const counts = async (districtRef: string) =>
        (await snapshots.series(districtRef)).map(s => ({
          at: s.takenAt,
          cause: s.cause,
          outcomes: s.summary.byStage.outcomes,
          access: s.summary.byStage.access,
          engagement: s.summary.byConstruct.engagement,
          flexible: s.summary.byConstruct['flexible-learning-environments'],
          total: s.summary.total,
        }));
      const none = {
        available: 0,
        partial: 0,
        missing: 0,
        'not-applicable': 0,
      };
      const available = { ...none, available: 1 };
      const missing = { ...none, missing: 1 };

      expect(await counts(ALDER)).toEqual([
        {
          at: at(0),
          cause: 'catalog',
          outcomes: available,
          access: available,
          engagement: available,
          flexible: available,
          total: { ...none, available: 2 },
        },
        {
          at: at(3),
          cause: 'annotation',
          outcomes: missing,
          access: available,
          engagement: missing,
          flexible: available,
          total: { ...none, available: 1, missing: 1 },
        },
        {
          at: at(27),
          cause: 'daily',
          outcomes: missing,
          access: available,
          engagement: missing,
          flexible: available,
          total: { ...none, available: 1, missing: 1 },
        },
      ]);
      expect(
        (await counts(BIRCH)).map(({ at: when, access, flexible }) => ({
          when,
          access,
          flexible,
        })),
      ).toEqual([
        { when: at(0), access: missing, flexible: missing },
        { when: at(2), access: available, flexible: available },
        { when: at(26), access: available, flexible: available },
      ]);
      // Each snapshot's counts are the district's gaps at that time.
      expect((await snapshots.series(ALDER)).at(-1)!.summary).toEqual(
        (await gaps.districtGaps(ALDER)).summary,
      );
    });
  },
);
