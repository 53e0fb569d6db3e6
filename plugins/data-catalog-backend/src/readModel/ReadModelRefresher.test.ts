import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  dataElement,
  dataSource,
  group,
  loadDemoCatalog,
  referencedEntities,
  user,
} from '@internal/plugin-data-catalog-common/testUtils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReadModelStore } from '../database/ReadModelStore';
import { ReadModelChange, ReadModelRefresher } from './ReadModelRefresher';
import { ReadModel } from './types';

jest.setTimeout(60_000);

const ALDER_SIS = 'datasource:default/alder-creek-sis';
const LONG_AGO = '2020-01-01T00:00:00.000Z';

const demo = loadDemoCatalog();
const demoSources = demo.filter(e => e.kind === 'DataSource').length;

/** The demo region with one entity's spec changed, as a new YAML commit. */
function withChangedSis(entities: Entity[]): Entity[] {
  return entities.map(entity =>
    entity.kind === 'DataSource' && entity.metadata.name === 'alder-creek-sis'
      ? {
          ...entity,
          spec: {
            ...entity.spec,
            vendor: 'Infinite Campus',
            lifecycle: 'deprecated',
          },
        }
      : entity,
  );
}

/** A catalog that answers every query with all it has, filter or not. */
function unfilteredCatalog(entities: Entity[]): CatalogService {
  return catalogServiceMock.mock({
    queryEntities: async () => ({
      items: entities,
      totalItems: entities.length,
      pageInfo: {},
    }),
  });
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'ReadModelRefresher on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseReadModelStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = new DatabaseReadModelStore(knex);
    });

    beforeEach(async () => {
      // Each test starts with no read model, as a new installation does.
      for (const table of [
        'dc_requirements',
        'dc_indicators',
        'dc_elements',
        'dc_feeds',
        'dc_provisions',
        'dc_sources',
        'dc_districts',
        'dc_state',
      ]) {
        await knex(table).delete();
      }
    });

    function refresherFor(catalog: CatalogService) {
      const refresher = new ReadModelRefresher({
        catalog,
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
      });
      const changed = jest.fn(async () => {});
      refresher.onChange(changed);
      return { refresher, changed };
    }

    it('reads sources with their relations and the rest without', async () => {
      // At state scale an identifier element has a relation to every
      // source that provides it; the read model must not read them.
      const catalog = catalogServiceMock({ entities: demo });
      const query = jest.spyOn(catalog, 'queryEntities');
      await refresherFor(catalog).refresher.refresh();

      const asked = query.mock.calls.map(([request]) => request as any);
      const withRelations = asked.filter(r => !r.fields);
      const without = asked.filter(r => r.fields);
      expect(withRelations.length).toBeGreaterThan(0);
      for (const request of withRelations.filter(r => r.filter)) {
        expect(request.filter).toEqual([{ kind: 'DataSource' }]);
      }
      expect(without.length).toBeGreaterThan(0);
      for (const request of without) {
        expect(request.fields).not.toContain('relations');
      }
      expect((await store.getSources()).length).toBe(
        demo.filter(e => e.kind === 'DataSource').length,
      );
    });

    it('fills the model on the first refresh', async () => {
      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: demo }),
      );

      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(changed).toHaveBeenCalledTimes(1);
      expect(await store.getSources()).toHaveLength(demoSources);
      expect(await store.listIndicators()).toHaveLength(
        demo.filter(e => e.kind === 'Indicator').length,
      );
      expect(await store.listElements()).toHaveLength(
        demo.filter(e => e.kind === 'DataElement').length,
      );
      const [sis] = await store.getSources({ refs: [ALDER_SIS] });
      expect(sis).toMatchObject({ vendor: 'PowerSchool' });
      const state = await store.getState();
      expect(state?.version).toEqual(expect.any(String));
      expect(state?.refreshedAt).toEqual(expect.any(String));
    });

    it('only notes the time when nothing changed', async () => {
      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: demo }),
      );
      await refresher.refresh();
      const { version } = (await store.getState())!;
      // Pretend the first refresh was long ago, to see the time move on.
      await store.markRefreshed(new Date(LONG_AGO));

      await expect(refresher.refresh()).resolves.toBe('unchanged');

      expect(changed).toHaveBeenCalledTimes(1);
      const state = await store.getState();
      expect(state?.version).toBe(version);
      expect(state?.refreshedAt).not.toBe(LONG_AGO);
      expect(new Date(state!.refreshedAt).getTime()).toBeGreaterThan(
        new Date(LONG_AGO).getTime(),
      );
      expect(await store.getSources()).toHaveLength(demoSources);
    });

    it('rewrites the model when an entity changed', async () => {
      const first = refresherFor(catalogServiceMock({ entities: demo }));
      await first.refresher.refresh();
      const before = (await store.getState())!.version;

      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: withChangedSis(demo) }),
      );
      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(changed).toHaveBeenCalledTimes(1);
      expect((await store.getState())!.version).not.toBe(before);
      const [sis] = await store.getSources({ refs: [ALDER_SIS] });
      expect(sis).toMatchObject({
        vendor: 'Infinite Campus',
        lifecycle: 'deprecated',
      });
      expect(await store.getSources()).toHaveLength(demoSources);
    });

    it('drops an entity removed from the catalog', async () => {
      await refresherFor(
        catalogServiceMock({ entities: demo }),
      ).refresher.refresh();

      const without = demo.filter(
        e =>
          !(e.kind === 'DataSource' && e.metadata.name === 'alder-creek-sis'),
      );
      const { refresher } = refresherFor(
        catalogServiceMock({ entities: without }),
      );
      await expect(refresher.refresh()).resolves.toBe('changed');

      expect(await store.getSources({ refs: [ALDER_SIS] })).toEqual([]);
      expect(await store.getSources()).toHaveLength(demoSources - 1);
    });

    it('keeps the last good model if the catalog fails', async () => {
      await refresherFor(
        catalogServiceMock({ entities: demo }),
      ).refresher.refresh();
      const state = await store.getState();
      const sources = await store.getSources();

      const { refresher, changed } = refresherFor(
        catalogServiceMock.mock({
          queryEntities: async () => {
            throw new Error('catalog is unavailable');
          },
        }),
      );
      await expect(refresher.refresh()).rejects.toThrow(
        'catalog is unavailable',
      );

      expect(changed).not.toHaveBeenCalled();
      // The refresh time stays, so that readers can see how old it is.
      expect(await store.getState()).toEqual(state);
      expect(await store.getSources()).toEqual(sources);
    });

    it('leaves out groups other than district and BOCES', async () => {
      const entities = [
        ...referencedEntities(),
        group('alder-creek-data-team', 'team', 'alder-creek'),
        group('finger-lakes-region', 'region'),
        user('kwame-ostrowski'),
        dataSource('alder-creek-sis'),
      ];

      // Both with a catalog that applies the refresher's filter and with one
      // that ignores it: the model must not depend on the catalog's filter.
      for (const catalog of [
        catalogServiceMock({ entities }),
        unfilteredCatalog(entities),
      ]) {
        // Forgets the version, so that each catalog's refresh is a first.
        await knex('dc_state').delete();
        const { refresher } = refresherFor(catalog);
        await expect(refresher.refresh()).resolves.toBe('changed');

        const districts = await store.listDistricts();
        expect(districts.map(d => [d.name, d.type]).sort()).toEqual([
          ['alder-creek', 'district'],
          ['northlake-boces', 'boces'],
        ]);
        expect(await store.getSources()).toHaveLength(1);
      }
    });

    it('reads every page of a catalog larger than one page', async () => {
      const elements = Array.from({ length: 1_200 }, (_, i) =>
        dataElement(`element-${String(i).padStart(4, '0')}`),
      );
      const entities = [...referencedEntities(), ...elements];
      const { refresher } = refresherFor(catalogServiceMock({ entities }));

      await expect(refresher.refresh()).resolves.toBe('changed');

      const stored = new Set((await store.listElements()).map(e => e.ref));
      expect(stored.size).toBe(1_202);
      for (const element of elements) {
        expect(stored).toContain(
          stringifyEntityRef(element).toLocaleLowerCase('en-US'),
        );
      }
    });

    it('gives listeners the model before and after the change', async () => {
      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: demo }),
      );
      await refresher.refresh();
      const second = refresherFor(
        catalogServiceMock({ entities: withChangedSis(demo) }),
      );
      await second.refresher.refresh();

      const sisIn = (model?: ReadModel) =>
        model?.sources.find(s => s.ref === ALDER_SIS);
      const [first] = changed.mock.calls[0] as unknown as [ReadModelChange];
      expect(first.previous).toBeUndefined();
      expect(sisIn(first.next)).toMatchObject({ vendor: 'PowerSchool' });

      const [change] = second.changed.mock.calls[0] as unknown as [
        ReadModelChange,
      ];
      expect(sisIn(change.previous)).toMatchObject({
        vendor: 'PowerSchool',
        lifecycle: 'production',
      });
      expect(sisIn(change.next)).toMatchObject({
        vendor: 'Infinite Campus',
        lifecycle: 'deprecated',
      });
      // Only Alder Creek's sources changed, so only they are read back.
      const alder = demo.filter(
        e =>
          e.kind === 'DataSource' &&
          (e.spec as { district?: string }).district === 'group:alder-creek',
      );
      expect(alder.length).toBeLessThan(demoSources);
      expect(change.previous?.sources.map(s => s.ref).sort()).toEqual(
        change.next.sources
          .filter(s => s.district === 'group:default/alder-creek')
          .map(s => s.ref)
          .sort(),
      );
      expect(change.previous?.sources).toHaveLength(alder.length);
      expect(change.previous?.districts).toHaveLength(
        change.next.districts.length,
      );
      expect(change.version).toBe((await store.getState())!.version);
    });

    it('gives the change before the replace, and keeps the old model if that fails', async () => {
      await refresherFor(
        catalogServiceMock({ entities: demo }),
      ).refresher.refresh();
      const before = (await store.getState())!.version;

      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: withChangedSis(demo) }),
      );
      const seen: Array<{ change: ReadModelChange; stored?: string }> = [];
      refresher.beforeReplace(async change => {
        const [sis] = await store.getSources({ refs: [ALDER_SIS] });
        seen.push({ change, stored: sis.vendor });
        throw new Error('notice table is missing');
      });

      await expect(refresher.refresh()).rejects.toThrow(
        'notice table is missing',
      );

      expect(seen).toHaveLength(1);
      expect(seen[0].stored).toBe('PowerSchool');
      expect(seen[0].change.previousVersion).toBe(before);
      expect(
        seen[0].change.next.sources.find(s => s.ref === ALDER_SIS),
      ).toMatchObject({ vendor: 'Infinite Campus' });
      // The old model stays, so the next refresh sees the same change.
      expect((await store.getState())!.version).toBe(before);
      expect(changed).not.toHaveBeenCalled();
    });

    it('tells every listener of a change even if one fails, then fails', async () => {
      const refresher = new ReadModelRefresher({
        catalog: catalogServiceMock({ entities: demo }),
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
      });
      const later = jest.fn(async () => {});
      const after = jest.fn(async () => {});
      refresher.onChange(async () => {
        throw new Error('snapshot table is locked');
      });
      refresher.onChange(later);
      refresher.afterEachRefresh(after);

      await expect(refresher.refresh()).rejects.toThrow(
        'snapshot table is locked',
      );

      expect(later).toHaveBeenCalledTimes(1);
      expect(after).toHaveBeenCalledTimes(1);
      expect(await store.getSources()).toHaveLength(demoSources);
    });

    it('runs the after-refresh work whether or not the model changed', async () => {
      const { refresher, changed } = refresherFor(
        catalogServiceMock({ entities: demo }),
      );
      const after = jest.fn(async () => {});
      refresher.afterEachRefresh(after);

      await refresher.refresh();
      await expect(refresher.refresh()).resolves.toBe('unchanged');

      expect(changed).toHaveBeenCalledTimes(1);
      expect(after).toHaveBeenCalledTimes(2);
    });
  },
);
