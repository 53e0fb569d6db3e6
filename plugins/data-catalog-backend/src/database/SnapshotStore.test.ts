import { TestDatabases } from '@backstage/backend-test-utils';
import {
  IndicatorAvailability,
  summarizeGaps,
} from '@internal/plugin-data-catalog-common';
import knexFactory, { Knex } from 'knex';
import { ALDER, BIRCH, ind } from '../__testUtils__/readModel';
import { applyDatabaseMigrations } from './migrations';
import { GapSnapshot, SnapshotStore, StatusChange } from './SnapshotStore';

jest.setTimeout(60_000);

const DEVICES = ind('device-rate');
const ABSENCE = ind('chronic-absence');

/** A snapshot with the counts the gap rules would give for its statuses. */
function snapshot(
  district: string,
  takenAt: string,
  statuses: Record<string, IndicatorAvailability['status']>,
  cause: GapSnapshot['cause'] = 'catalog',
): GapSnapshot {
  const results = Object.entries(statuses).map(([indicator, status]) => ({
    indicator,
    stage: indicator === DEVICES ? 'access' : 'outcomes',
    construct: 'engagement',
    status,
  })) as IndicatorAvailability[];
  return {
    district,
    takenAt,
    cause,
    summary: summarizeGaps(results),
    statuses,
  };
}

function change(
  district: string,
  indicator: string,
  changedAt: string,
  from: StatusChange['from'],
  to: StatusChange['to'],
): StatusChange {
  return {
    district,
    indicator,
    from,
    to,
    reasons: [`${indicator} is ${to} in ${district}`, 'and a second reason'],
    cause: from ? 'annotation' : 'catalog',
    changedAt,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('SnapshotStore on %p', id => {
  let knex: Knex;
  let store: SnapshotStore;

  beforeAll(async () => {
    knex = await databases.init(id);
    await applyDatabaseMigrations(knex);
    store = new SnapshotStore(knex);
  });

  beforeEach(async () => {
    await knex('dc_gap_snapshots').delete();
    await knex('dc_status_changes').delete();
  });

  it('starts empty', async () => {
    expect((await store.latest()).size).toBe(0);
    expect(await store.series(ALDER)).toEqual([]);
    expect(await store.changes({ indicator: DEVICES })).toEqual([]);
  });

  it("gives back a district's series oldest first, with its counts", async () => {
    const first = snapshot(ALDER, '2026-11-01T08:00:00.000Z', {
      [DEVICES]: 'missing',
      [ABSENCE]: 'available',
    });
    const second = snapshot(
      ALDER,
      '2026-11-02T08:00:00.000Z',
      { [DEVICES]: 'partial', [ABSENCE]: 'available' },
      'annotation',
    );
    const birch = snapshot(BIRCH, '2026-11-01T09:00:00.000Z', {
      [DEVICES]: 'available',
    });
    await store.add([first, birch], []);
    await store.add([second], []);

    const series = await store.series(ALDER);
    expect(series).toEqual([first, second]);
    expect(series.map(s => s.summary.byStage.access)).toEqual([
      { available: 0, partial: 0, missing: 1, 'not-applicable': 0 },
      { available: 0, partial: 1, missing: 0, 'not-applicable': 0 },
    ]);
    expect(series.map(s => s.summary.byConstruct.engagement.available)).toEqual(
      [1, 1],
    );
    expect(await store.series(BIRCH)).toEqual([birch]);
  });

  it("gives each district's newest snapshot", async () => {
    await store.add(
      [
        snapshot(ALDER, '2026-11-01T08:00:00.000Z', { [DEVICES]: 'missing' }),
        snapshot(BIRCH, '2026-11-01T08:00:00.000Z', { [DEVICES]: 'missing' }),
      ],
      [],
    );
    const newest = snapshot(ALDER, '2026-11-03T08:00:00.000Z', {
      [DEVICES]: 'available',
    });
    await store.add([newest], []);

    const latest = await store.latest();
    expect([...latest.keys()].sort()).toEqual([ALDER, BIRCH]);
    expect(latest.get(ALDER)).toEqual(newest);
    expect(latest.get(BIRCH)!.takenAt).toBe('2026-11-01T08:00:00.000Z');
  });

  it("gives an indicator's changes oldest first, with date and reasons", async () => {
    const firstSeen = change(
      ALDER,
      DEVICES,
      '2026-11-01T08:00:00.000Z',
      undefined,
      'missing',
    );
    const closed = change(
      ALDER,
      DEVICES,
      '2026-11-02T08:00:00.000Z',
      'missing',
      'available',
    );
    const elsewhere = change(
      BIRCH,
      DEVICES,
      '2026-11-01T08:00:00.000Z',
      undefined,
      'partial',
    );
    const other = change(
      ALDER,
      ABSENCE,
      '2026-11-01T08:00:00.000Z',
      undefined,
      'available',
    );
    await store.add([], [firstSeen, elsewhere, other]);
    await store.add([], [closed]);

    expect(await store.changes({ indicator: DEVICES })).toEqual([
      firstSeen,
      elsewhere,
      closed,
    ]);
    expect(
      await store.changes({ indicator: DEVICES, district: ALDER }),
    ).toEqual([firstSeen, closed]);
    expect(await store.changes({ indicator: ABSENCE })).toEqual([other]);
    // A first sighting has no previous status.
    expect((await store.changes({ indicator: ABSENCE }))[0].from).toBe(
      undefined,
    );
  });

  it('writes more rows at once than one insert takes', async () => {
    const many = Array.from({ length: 1201 }, (_, i) =>
      change(
        ALDER,
        DEVICES,
        new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        undefined,
        'missing',
      ),
    );
    const snapshots = many.map(c =>
      snapshot(ALDER, c.changedAt, { [DEVICES]: 'missing' }),
    );
    await store.add(snapshots, many);

    expect(await store.series(ALDER)).toEqual(snapshots);
    expect(await store.changes({ indicator: DEVICES })).toEqual(many);
  });

  it('records a change seen by two replicas once', async () => {
    const before = snapshot(ALDER, '2026-11-01T08:00:00.000Z', {
      [DEVICES]: 'missing',
    });
    await store.add([before], []);

    // Both replicas read the same newest snapshot, then both write the
    // same change a moment apart.
    const seenByA = snapshot(
      ALDER,
      '2026-11-02T08:00:00.000Z',
      { [DEVICES]: 'available' },
      'annotation',
    );
    const seenByB = { ...seenByA, takenAt: '2026-11-02T08:00:00.040Z' };
    const closed = (at: string) =>
      change(ALDER, DEVICES, at, 'missing', 'available');
    await store.add([seenByA], [closed(seenByA.takenAt)]);
    await store.add([seenByB], [closed(seenByB.takenAt)]);

    expect(await store.series(ALDER)).toEqual([before, seenByA]);
    expect(await store.changes({ indicator: DEVICES })).toEqual([
      closed(seenByA.takenAt),
    ]);
  });

  it('starts a change from the status another replica recorded', async () => {
    await store.add(
      [
        snapshot(ALDER, '2026-11-01T08:00:00.000Z', {
          [DEVICES]: 'missing',
          [ABSENCE]: 'missing',
        }),
      ],
      [],
    );
    const at = '2026-11-02T08:00:00.000Z';
    await store.add(
      [snapshot(ALDER, at, { [DEVICES]: 'available', [ABSENCE]: 'missing' })],
      [change(ALDER, DEVICES, at, 'missing', 'available')],
    );

    // B read the first snapshot, and saw a second change besides A's.
    const later = '2026-11-02T08:00:01.000Z';
    const fromB = snapshot(ALDER, later, {
      [DEVICES]: 'available',
      [ABSENCE]: 'partial',
    });
    await store.add(
      [fromB],
      [
        change(ALDER, DEVICES, later, 'missing', 'available'),
        change(ALDER, ABSENCE, later, 'missing', 'partial'),
      ],
    );

    expect((await store.latest()).get(ALDER)).toEqual(fromB);
    expect(await store.changes({ indicator: DEVICES })).toEqual([
      change(ALDER, DEVICES, at, 'missing', 'available'),
    ]);
    expect(await store.changes({ indicator: ABSENCE })).toEqual([
      change(ALDER, ABSENCE, later, 'missing', 'partial'),
    ]);
  });

  it('keeps the daily snapshot of a district that did not change', async () => {
    const statuses = { [DEVICES]: 'missing' } as const;
    const first = snapshot(ALDER, '2026-11-01T08:00:00.000Z', statuses);
    const nextDay = snapshot(
      ALDER,
      '2026-11-02T08:00:00.000Z',
      statuses,
      'daily',
    );
    await store.add([first], []);
    await store.add([nextDay], []);

    expect(await store.series(ALDER)).toEqual([first, nextDay]);
  });

  it('writes the snapshots and the changes together or not at all', async () => {
    const good = snapshot(ALDER, '2026-11-01T08:00:00.000Z', {
      [DEVICES]: 'missing',
    });
    const broken = {
      ...change(
        ALDER,
        DEVICES,
        '2026-11-01T08:00:00.000Z',
        undefined,
        'missing',
      ),
      to: null,
    } as unknown as StatusChange;

    // Matched by message: the driver's error is not always an Error of the
    // test's realm, so toThrow cannot be relied on.
    await expect(store.add([good], [broken])).rejects.toMatchObject({
      message: expect.stringMatching(/not[ -]null/i),
    });
    expect(await store.series(ALDER)).toEqual([]);
    expect(await store.changes({ indicator: DEVICES })).toEqual([]);
  });

  it('records a change once when two replicas write it at the same moment', async () => {
    // A second connection pool stands for the second replica; on SQLite,
    // whose file one process holds, the one pool serializes the writes.
    const { client, connection, pool } = knex.client.config;
    const other =
      client === 'pg' ? knexFactory({ client, connection, pool }) : knex;
    try {
      const before = snapshot(ALDER, '2026-11-01T08:00:00.000Z', {
        [DEVICES]: 'missing',
      });
      await store.add([before], []);

      // Several rounds, since without a lock the two writes would only
      // sometimes both read before either wrote.
      const replicas = [store, new SnapshotStore(other)];
      const rounds = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? 'available' : 'missing',
      );
      for (const [i, to] of rounds.entries()) {
        const at = new Date(Date.UTC(2026, 10, 2, 8, i)).toISOString();
        const from = to === 'available' ? 'missing' : 'available';
        await Promise.all(
          replicas.map(replica =>
            replica.add(
              [snapshot(ALDER, at, { [DEVICES]: to }, 'annotation')],
              [change(ALDER, DEVICES, at, from, to)],
            ),
          ),
        );
      }

      expect(await store.series(ALDER)).toHaveLength(1 + rounds.length);
      expect(
        (await store.changes({ indicator: DEVICES })).map(c => c.to),
      ).toEqual(rounds);
    } finally {
      if (other !== knex) {
        await other.destroy();
      }
    }
  });
});
