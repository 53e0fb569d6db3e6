import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from '@internal/plugin-data-catalog-common';
import { createHash } from 'node:crypto';
import { ReadModelStore } from '../database/ReadModelStore';
import { buildReadModel } from './buildReadModel';
import { digestReadModel } from './digests';
import { ReadModel } from './types';

const PAGE_SIZE = 500;

/** A filter of the catalog's entity query. */
type EntityFilter = NonNullable<
  Extract<
    NonNullable<Parameters<CatalogService['queryEntities']>[0]>,
    { filter?: unknown }
  >['filter']
>;

/** The scheduler task that refreshes the read model. */
export const REFRESH_TASK_ID = 'data-catalog-read-model-refresh';

/** What a refresh found. */
export type RefreshOutcome = 'changed' | 'unchanged';

/** A refresh that changed the read model: the model before and after. */
export interface ReadModelChange {
  /**
   * The model as it was; absent on the first refresh of an empty store.
   * It holds every district, element and indicator, but only the sources
   * of the districts whose sources changed: a source missing from it did
   * not change.
   */
  previous?: ReadModel;
  /** The version of the catalog content `previous` was built from. */
  previousVersion?: string;
  next: ReadModel;
  /** The version of the catalog content `next` was built from. */
  version: string;
}

/**
 * Keeps the read model in step with the catalog. Each run reads the data
 * catalog's entities and the district groups, and rewrites the model only
 * when their content changed. The scheduler runs the task on one replica at
 * a time; a run that cannot read the catalog leaves the last good model in
 * place, and its refresh time shows how old it is.
 */
export class ReadModelRefresher {
  private readonly listeners: Array<
    (change: ReadModelChange) => Promise<void>
  > = [];
  private readonly beforeListeners: Array<
    (change: ReadModelChange) => Promise<void>
  > = [];
  private readonly afterEach: Array<() => Promise<void>> = [];
  private lastDuration = 0;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: ReadModelStore;
      logger: LoggerService;
    },
  ) {}

  /** Runs `listener` after each refresh that changed the model. */
  onChange(listener: (change: ReadModelChange) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /**
   * Runs `listener` on each change before the new model replaces the old:
   * for records that must not be lost if the process stops or the replace
   * fails, since the next refresh then sees the same change again. A
   * listener that throws fails the refresh and leaves the old model.
   */
  beforeReplace(listener: (change: ReadModelChange) => Promise<void>): void {
    this.beforeListeners.push(listener);
  }

  /**
   * Runs `listener` after each refresh that could read the catalog, changed
   * or not, after the `onChange` listeners: for work that retries.
   */
  afterEachRefresh(listener: () => Promise<void>): void {
    this.afterEach.push(listener);
  }

  /** Registers the refresh with the scheduler. */
  async schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): Promise<void> {
    await scheduler.scheduleTask({
      id: REFRESH_TASK_ID,
      ...schedule,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** How long the last refresh took, in milliseconds; 0 before the first. */
  get lastDurationMs(): number {
    return this.lastDuration;
  }

  /** Reads the catalog and rewrites the model if it changed. */
  async refresh(): Promise<RefreshOutcome> {
    const started = Date.now();
    try {
      return await this.refreshOnce();
    } finally {
      this.lastDuration = Date.now() - started;
    }
  }

  private async refreshOnce(): Promise<RefreshOutcome> {
    const { store, logger } = this.options;
    const started = Date.now();

    const entities = await this.readCatalog();
    const version = versionOf(entities);
    const state = await store.getState();

    if (state?.version === version) {
      await store.markRefreshed(new Date());
      logger.debug('Read model is up to date');
      await this.runAfterEach();
      return 'unchanged';
    }

    const model = buildReadModel(entities);
    // Listeners compare the model before and after; it can only be read
    // before it is replaced.
    const wanted = this.listeners.length + this.beforeListeners.length > 0;
    const change: ReadModelChange = {
      previous: state && wanted ? await this.readModel(model) : undefined,
      previousVersion: state?.version,
      next: model,
      version,
    };
    for (const listener of this.beforeListeners) {
      await listener(change);
    }
    await store.replace(model, version);
    await store.markRefreshed(new Date());
    logger.info(
      `Refreshed the read model: ${model.sources.length} sources, ${
        model.elements.length
      } elements, ${model.indicators.length} indicators, ${
        model.districts.length
      } districts in ${Date.now() - started} ms`,
    );

    // Every listener hears of the change even if one before it fails; the
    // refresh then fails with the first error, as it did with one listener.
    const failures: unknown[] = [];
    for (const listener of this.listeners) {
      await listener(change).catch(error => failures.push(error));
    }
    await this.runAfterEach();
    if (failures.length > 0) {
      throw failures[0];
    }
    return 'changed';
  }

  private async runAfterEach(): Promise<void> {
    for (const listener of this.afterEach) {
      await listener();
    }
  }

  /**
   * The stored model, with the sources only of the districts whose
   * sources differ from `next`'s: at state scale the whole model takes
   * seconds and hundreds of megabytes to read, and a change touches few
   * districts. Without stored digests, every source is read.
   */
  private async readModel(next: ReadModel): Promise<ReadModel> {
    const { store } = this.options;
    const [districts, elements, indicators, stored] = await Promise.all([
      store.listDistricts(),
      store.listElements(),
      store.listIndicators(),
      store.digests(),
    ]);
    const before = stored.districts;
    const after = digestReadModel(next).districts;
    const changed = before
      ? [...new Set([...before.keys(), ...after.keys()])].filter(
          ref => before.get(ref) !== after.get(ref),
        )
      : undefined;
    const sources = await store.getSources(
      changed ? { districts: changed } : {},
    );
    return { districts, sources, elements, indicators };
  }

  private async readCatalog(): Promise<Entity[]> {
    const entities = [
      // Sources with their relations: lineage learned from OpenLineage
      // events reaches a source as `fedBy` relations only.
      ...(await this.readPages([{ kind: DATA_SOURCE_KIND }])),
      // The rest without: the catalog relates each element to every source
      // providing it, thousands of relations for an identifier at state
      // scale, which the read model takes from the sources' specs instead.
      ...(await this.readPages(
        [
          { kind: [DATA_ELEMENT_KIND, INDICATOR_KIND] },
          { kind: 'Group', 'spec.type': ['district', 'boces'] },
        ],
        ['apiVersion', 'kind', 'metadata', 'spec'],
      )),
    ];
    // Each entity once, whatever a catalog makes of the two filters.
    const seen = new Set<string>();
    return entities.filter(entity => {
      const ref = stringifyEntityRef(entity);
      return !seen.has(ref) && Boolean(seen.add(ref));
    });
  }

  private async readPages(
    filter: EntityFilter,
    fields?: string[],
  ): Promise<Entity[]> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;

    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields }
          : {
              filter,
              fields,
              orderFields: [{ field: 'metadata.name', order: 'asc' }],
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);

    return entities;
  }
}

// The catalog changes an entity's etag whenever its stitched content changes,
// so references and etags together say whether anything changed. An entity
// without an etag (not from a catalog) counts by its whole content.
function versionOf(entities: Entity[]): string {
  const hash = createHash('sha256');
  const keys = entities
    .map(
      e =>
        `${stringifyEntityRef(e)}@${
          e.metadata.etag ?? JSON.stringify([e.metadata, e.spec])
        }`,
    )
    .sort();
  for (const key of keys) {
    hash.update(key).update('\n');
  }
  return hash.digest('hex');
}
