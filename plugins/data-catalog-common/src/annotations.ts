/**
 * Set by the catalog on a DataSource whose lineage leads back to itself: the
 * sources of the cycle, downstream first, joined by ` -> ` (each is fed by
 * the next). Cycles are accepted, since real feeds sometimes run both ways,
 * but are shown so that a data team can check them.
 */
export const LINEAGE_CYCLE_ANNOTATION = 'datacatalog.k12.dev/lineage-cycle';

/**
 * On a district (or BOCES) Group: the group whose members may annotate every
 * source of the district and keep its action plan, such as
 * `group:alder-creek-data-team`.
 */
export const DATA_TEAM_ANNOTATION = 'datacatalog.k12.dev/data-team';

/**
 * On a DataSource: the OpenLineage datasets that are this source, so that
 * run events from a district's warehouse can be turned into lineage. A
 * comma- or newline-separated list of `namespace/name` identifiers, such as
 * `postgres://rdw.example:5432/ods.edfi.student`; an entry ending in `*`
 * matches every dataset whose identifier starts with the text before it.
 */
export const OPENLINEAGE_DATASETS_ANNOTATION =
  'datacatalog.k12.dev/openlineage-datasets';
