export interface Config {
  dataCatalog?: {
    /**
     * Reject DataSource, DataElement and Indicator entities whose references
     * point at nothing in the catalog. On by default. A rejected entity is
     * tried again on the catalog's next refresh, so with this on an entity
     * may wait one processing interval for the entities it refers to.
     */
    rejectDanglingReferences?: boolean;
  };
}
