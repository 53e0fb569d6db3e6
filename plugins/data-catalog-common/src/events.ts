/**
 * The events topic on which the catalog module says that entities the
 * data catalog reads have changed, so that the backend plugin refreshes
 * its read model at once rather than at its next scheduled run.
 */
export const DATA_CATALOG_CHANGES_TOPIC = 'data-catalog.entities-changed';

/** The payload of an event on {@link DATA_CATALOG_CHANGES_TOPIC}. */
export interface DataCatalogChangesEvent {
  /** How many entities changed since the last event. */
  count: number;
  /** Some of them, for the logs. */
  refs: string[];
}
