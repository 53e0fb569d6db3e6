import { registerDistrictActions } from './districtActions';
import { registerIndicatorActions } from './indicatorActions';
import { registerLineageAction } from './lineageAction';
import { DataCatalogActionsOptions } from './options';

/**
 * Registers the data catalog's questions with Backstage's actions
 * registry, so that assistants can ask them through the MCP actions
 * backend: the districts and indicators there are, a district's gaps, one
 * indicator across districts, and lineage. Every action only reads, and
 * lets in whom the read routes let in.
 */
export function registerDataCatalogActions(
  options: DataCatalogActionsOptions,
): void {
  registerDistrictActions(options);
  registerIndicatorActions(options);
  registerLineageAction(options);
}
