/*
 * What the benchmark and the backend it starts in a child process say to
 * each other over the child's IPC channel.
 */

/** Which catalog the child runs. */
export type BackendMode =
  /** The catalog with the data catalog's module, and the plugin. */
  | 'data-catalog'
  /** The catalog with the module alone, for its processing cost. */
  | 'module'
  /** A plain catalog, for the built-in Resource entities. */
  | 'resources';

/** How the child is started: passed as JSON in {@link SETTINGS_ENV}. */
export interface BackendSettings {
  mode: BackendMode;
  /** The app-config file the benchmark wrote for this backend. */
  configFile: string;
  /** A JSON file holding the entities the provider hands the catalog. */
  entitiesFile: string;
}

export const SETTINGS_ENV = 'DATA_CATALOG_STATEWIDE_BACKEND';

/** The catalog's processing state, counted from its own tables. */
export interface CatalogProgress {
  /** Entities the catalog holds (rows of `refresh_state`). */
  entities: number;
  /** Entities processed at least once. */
  processed: number;
  /** Entities whose last processing left errors. */
  withErrors: number;
  /** Entities with a stitched final entity. */
  stitched: number;
  /** Entities waiting to be stitched (again). */
  stitchQueue: number;
  /** Up to five processing errors, for a run that stalls. */
  sampleErrors: string[];
}

/** Requests from the benchmark to the child. */
export type ParentMessage =
  | { type: 'load' }
  | { type: 'progress' }
  | { type: 'stop' };

/** Answers and events from the child. */
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'loaded'; mutationMs: number; entities: number }
  | { type: 'progress'; progress: CatalogProgress }
  | { type: 'failed'; message: string };
