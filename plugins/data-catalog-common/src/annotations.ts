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
