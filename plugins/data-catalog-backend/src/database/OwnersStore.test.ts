import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from './migrations';
import { AnnotationKey, NewActionItem, OwnersStore } from './OwnersStore';

jest.setTimeout(60_000);

const ALDER = 'group:default/alder-creek';
const BIRCH = 'group:default/birch-harbor';
const SIS = 'datasource:default/alder-creek-sis';
const IEP = 'datasource:default/alder-creek-iep-direct';
const ABSENTEEISM = 'indicator:default/chronic-absenteeism';
const ADA = 'user:default/ada-quill';
const KWAME = 'user:default/kwame-ostrowski';

const sisKey: AnnotationKey = { kind: 'source', subject: SIS, district: ALDER };
const iepKey: AnnotationKey = { kind: 'source', subject: IEP, district: ALDER };
const absenteeismKey: AnnotationKey = {
  kind: 'indicator',
  subject: ABSENTEEISM,
  district: ALDER,
};

const fosterCare = {
  element: 'dataelement:default/foster-care-status',
  status: 'partial' as const,
  reason: 'Recorded only since 2023-24',
};

function newItem(overrides: Partial<NewActionItem> = {}): NewActionItem {
  return {
    district: ALDER,
    indicator: ABSENTEEISM,
    element: 'dataelement:default/daily-attendance-status',
    step: 'Turn on period attendance in grades K-5',
    owner: 'group:default/alder-creek-it',
    dueDate: '2027-03-01',
    ...overrides,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('OwnersStore on %p', databaseId => {
  let knex: Knex;
  let store: OwnersStore;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    store = new OwnersStore(knex);
  });

  beforeEach(async () => {
    // Each test starts from an empty store on the same database.
    for (const table of [
      'dc_annotations',
      'dc_action_items',
      'dc_history',
      'dc_state',
    ]) {
      await knex(table).delete();
    }
  });

  describe('annotations', () => {
    it('reads an annotation nobody wrote as version 0', async () => {
      expect(await store.getAnnotation(sisKey)).toEqual({
        ...sisKey,
        corrections: [],
        version: 0,
      });
    });

    it('creates and then updates an annotation, one version each', async () => {
      const created = await store.putAnnotation(
        sisKey,
        {
          version: 0,
          notes: 'Attendance codes changed in 2022',
          lastVerified: '2026-11-30',
          qualityRating: 4,
          corrections: [fosterCare],
        },
        ADA,
      );
      expect(created).toMatchObject({
        ...sisKey,
        notes: 'Attendance codes changed in 2022',
        lastVerified: '2026-11-30',
        qualityRating: 4,
        corrections: [fosterCare],
        version: 1,
        updatedBy: ADA,
      });
      expect(await store.getAnnotation(sisKey)).toEqual(created);

      const updated = await store.putAnnotation(
        sisKey,
        { version: 1, notes: 'Codes mapped in the Level 0 extract' },
        KWAME,
      );
      expect(updated).toMatchObject({
        notes: 'Codes mapped in the Level 0 extract',
        version: 2,
        updatedBy: KWAME,
      });
      // A write replaces the fields it is given; what it leaves out is
      // cleared rather than kept from the version before.
      expect(updated.lastVerified).toBeUndefined();
      expect(updated.qualityRating).toBeUndefined();
      expect(updated.corrections).toEqual([]);
      expect(await store.getAnnotation(sisKey)).toEqual(updated);
    });

    it('keeps an indicator annotation per district', async () => {
      await store.putAnnotation(
        absenteeismKey,
        { version: 0, notes: 'Alder Creek counts half days as absent' },
        ADA,
      );
      const birchKey = { ...absenteeismKey, district: BIRCH };

      expect(await store.getAnnotation(birchKey)).toMatchObject({
        version: 0,
      });
      expect(await store.getAnnotation(absenteeismKey)).toMatchObject({
        notes: 'Alder Creek counts half days as absent',
        version: 1,
      });
      expect(await store.listAnnotations(BIRCH)).toEqual([]);
      expect((await store.listAnnotations(ALDER)).map(a => a.subject)).toEqual([
        ABSENTEEISM,
      ]);
    });

    it('refuses a stale write and keeps the stored one', async () => {
      await store.putAnnotation(sisKey, { version: 0, notes: 'first' }, ADA);
      const current = await store.putAnnotation(
        sisKey,
        { version: 1, notes: 'second', corrections: [fosterCare] },
        KWAME,
      );
      const history = await store.listHistory({ limit: 10 });

      // Ada still has version 1 open in her browser.
      await expect(
        store.putAnnotation(sisKey, { version: 1, notes: 'stale' }, ADA),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('version 2'),
      });

      expect(await store.getAnnotation(sisKey)).toEqual(current);
      expect(await store.listHistory({ limit: 10 })).toEqual(history);
    });

    it('refuses a first write that claims a version nobody wrote', async () => {
      await expect(
        store.putAnnotation(sisKey, { version: 3, notes: 'x' }, ADA),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect(await store.getAnnotation(sisKey)).toMatchObject({ version: 0 });
      expect(await store.listHistory({ limit: 10 })).toEqual([]);
    });

    it.each([
      ['an existing annotation', 1],
      ['a first annotation', 0],
    ])(
      'lets exactly one of two concurrent writers of %s win',
      async (_what, read) => {
        if (read > 0) {
          await store.putAnnotation(sisKey, { version: 0, notes: 'v1' }, ADA);
        }

        // Both read the same version, then write at once.
        const results = await Promise.allSettled([
          store.putAnnotation(sisKey, { version: read, notes: 'Ada' }, ADA),
          store.putAnnotation(sisKey, { version: read, notes: 'Kwame' }, KWAME),
        ]);

        const won = results.filter(r => r.status === 'fulfilled');
        const lost = results.filter(r => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
          name: 'ConflictError',
        });

        const winner = (won[0] as PromiseFulfilledResult<{ notes?: string }>)
          .value;
        const stored = await store.getAnnotation(sisKey);
        expect(stored).toEqual(winner);
        expect(stored.version).toBe(read + 1);

        // The history holds the winner's write and nothing of the loser's.
        const writes = await store.listHistory({
          subjectType: 'annotation',
          limit: 10,
        });
        expect(writes).toHaveLength(read + 1);
        expect(writes[0].after).toEqual(winner);
      },
    );

    it('lets writers of different annotations both win', async () => {
      // The version check is per annotation, not a lock on the whole store.
      const results = await Promise.allSettled([
        store.putAnnotation(sisKey, { version: 0, notes: 'sis' }, ADA),
        store.putAnnotation(iepKey, { version: 0, notes: 'iep' }, KWAME),
        store.putAnnotation(absenteeismKey, { version: 0 }, ADA),
      ]);

      expect(results.map(r => r.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect(await store.listAnnotations(ALDER)).toHaveLength(3);
      expect(await store.listHistory({ limit: 10 })).toHaveLength(3);
    });

    it('records each write with before, after and who', async () => {
      const created = await store.putAnnotation(
        sisKey,
        { version: 0, notes: 'first' },
        ADA,
      );
      const updated = await store.putAnnotation(
        sisKey,
        { version: 1, notes: 'second', qualityRating: 3 },
        KWAME,
      );

      const history = await store.listHistory({ limit: 10 });
      expect(history).toEqual([
        {
          id: expect.any(Number),
          subjectType: 'annotation',
          subjectId: `source:${SIS}`,
          district: ALDER,
          change: 'update',
          before: created,
          after: updated,
          changedBy: KWAME,
          changedAt: updated.updatedAt,
        },
        {
          id: expect.any(Number),
          subjectType: 'annotation',
          subjectId: `source:${SIS}`,
          district: ALDER,
          change: 'create',
          before: undefined,
          after: created,
          changedBy: ADA,
          changedAt: created.updatedAt,
        },
      ]);
      expect(history[0].id).toBeGreaterThan(history[1].id);
    });

    it('lists source corrections with who and when', async () => {
      expect(await store.listCorrections()).toEqual([]);

      const unusable = {
        element: 'dataelement:default/disability-status',
        status: 'unusable' as const,
        reason: 'Flag not synced since the vendor change',
      };
      const sis = await store.putAnnotation(
        sisKey,
        { version: 0, corrections: [fosterCare, unusable] },
        ADA,
      );
      const iep = await store.putAnnotation(
        iepKey,
        { version: 0, corrections: [unusable] },
        KWAME,
      );
      // Only sources hold elements, so an indicator's annotation has none
      // that the gap rules could apply.
      await store.putAnnotation(
        absenteeismKey,
        { version: 0, notes: 'no corrections here' },
        ADA,
      );

      const corrections = await store.listCorrections();
      expect(corrections).toHaveLength(3);
      expect(corrections).toEqual(
        expect.arrayContaining([
          {
            district: ALDER,
            source: SIS,
            ...fosterCare,
            by: ADA,
            at: sis.updatedAt,
          },
          {
            district: ALDER,
            source: SIS,
            ...unusable,
            by: ADA,
            at: sis.updatedAt,
          },
          {
            district: ALDER,
            source: IEP,
            ...unusable,
            by: KWAME,
            at: iep.updatedAt,
          },
        ]),
      );

      // Withdrawn corrections are gone from the list.
      await store.putAnnotation(sisKey, { version: 1, corrections: [] }, ADA);
      expect(await store.listCorrections()).toEqual([
        {
          district: ALDER,
          source: IEP,
          ...unusable,
          by: KWAME,
          at: iep.updatedAt,
        },
      ]);
    });
  });

  describe('action items', () => {
    it('creates an item as planned, version 1, logged', async () => {
      const item = await store.createActionItem(newItem(), ADA);

      expect(item).toEqual({
        id: expect.any(String),
        ...newItem(),
        status: 'planned',
        version: 1,
        createdBy: ADA,
        createdAt: expect.any(String),
        updatedBy: ADA,
        updatedAt: item.createdAt,
      });
      expect(await store.getActionItem(item.id)).toEqual(item);
      expect(
        await store.listHistory({ subjectId: item.id, limit: 10 }),
      ).toEqual([
        expect.objectContaining({
          subjectType: 'action',
          district: ALDER,
          change: 'create',
          before: undefined,
          after: item,
          changedBy: ADA,
        }),
      ]);
    });

    it('updates the fields given and keeps the rest', async () => {
      const item = await store.createActionItem(newItem(), ADA);

      const updated = await store.updateActionItem(
        item.id,
        { version: 1, status: 'in-progress', dueDate: '2027-04-15' },
        KWAME,
      );
      expect(updated).toEqual({
        ...item,
        status: 'in-progress',
        dueDate: '2027-04-15',
        version: 2,
        updatedBy: KWAME,
        updatedAt: expect.any(String),
      });
      expect(await store.getActionItem(item.id)).toEqual(updated);

      const [last] = await store.listHistory({ subjectId: item.id, limit: 1 });
      expect(last).toMatchObject({
        change: 'update',
        before: item,
        after: updated,
        changedBy: KWAME,
      });
    });

    it('refuses a stale update and leaves the item as it was', async () => {
      const item = await store.createActionItem(newItem(), ADA);
      const current = await store.updateActionItem(
        item.id,
        { version: 1, status: 'in-progress' },
        KWAME,
      );

      await expect(
        store.updateActionItem(item.id, { version: 1, status: 'dropped' }, ADA),
      ).rejects.toMatchObject({ name: 'ConflictError' });

      expect(await store.getActionItem(item.id)).toEqual(current);
      expect(
        await store.listHistory({ subjectId: item.id, limit: 10 }),
      ).toHaveLength(2);
    });

    it('says an unknown action item is not found', async () => {
      await expect(
        store.updateActionItem('no-such-item', { version: 1 }, ADA),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(store.getActionItem('no-such-item')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      expect(await store.listHistory({ limit: 10 })).toEqual([]);
    });

    it("lists a district's action items by due date", async () => {
      for (const dueDate of ['2027-06-30', '2027-01-15', '2027-03-01']) {
        await store.createActionItem(newItem({ dueDate }), ADA);
      }
      await store.createActionItem(
        newItem({ district: BIRCH, dueDate: '2026-12-31' }),
        ADA,
      );

      const items = await store.listActionItems(ALDER);
      expect(items.map(i => i.dueDate)).toEqual([
        '2027-01-15',
        '2027-03-01',
        '2027-06-30',
      ]);
      expect(items.every(i => i.district === ALDER)).toBe(true);
      expect((await store.listActionItems(BIRCH)).map(i => i.dueDate)).toEqual([
        '2026-12-31',
      ]);
    });
  });

  describe('history', () => {
    it('filters by type, subject, district and limit', async () => {
      const sisNote = await store.putAnnotation(
        sisKey,
        { version: 0, notes: 'a' },
        ADA,
      );
      const alderItem = await store.createActionItem(newItem(), ADA);
      const birchItem = await store.createActionItem(
        newItem({ district: BIRCH }),
        KWAME,
      );
      await store.updateActionItem(
        alderItem.id,
        { version: 1, status: 'done' },
        KWAME,
      );
      await store.putAnnotation(sisKey, { version: 1, notes: 'b' }, KWAME);

      const all = await store.listHistory({ limit: 100 });
      expect(all.map(h => [h.subjectType, h.change])).toEqual([
        ['annotation', 'update'],
        ['action', 'update'],
        ['action', 'create'],
        ['action', 'create'],
        ['annotation', 'create'],
      ]);

      const annotations = await store.listHistory({
        subjectType: 'annotation',
        limit: 100,
      });
      expect(annotations.map(h => h.after)).toEqual([
        expect.objectContaining({ notes: 'b' }),
        sisNote,
      ]);

      const ofAlderItem = await store.listHistory({
        subjectId: alderItem.id,
        limit: 100,
      });
      expect(ofAlderItem.map(h => h.change)).toEqual(['update', 'create']);

      const inBirch = await store.listHistory({ district: BIRCH, limit: 100 });
      expect(inBirch).toEqual([
        expect.objectContaining({ subjectId: birchItem.id, change: 'create' }),
      ]);

      const actionsInAlder = await store.listHistory({
        subjectType: 'action',
        district: ALDER,
        limit: 100,
      });
      expect(actionsInAlder.map(h => h.subjectId)).toEqual([
        alderItem.id,
        alderItem.id,
      ]);

      const latestTwo = await store.listHistory({ limit: 2 });
      expect(latestTwo).toEqual(all.slice(0, 2));
    });
  });
});
