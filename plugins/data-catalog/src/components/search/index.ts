export { DataCatalogSearchResultListItem } from './DataCatalogSearchResultListItem';
export type { DataCatalogSearchResultListItemProps } from './DataCatalogSearchResultListItem';
export { DataCatalogSearchFilters } from './DataCatalogSearchFilters';
