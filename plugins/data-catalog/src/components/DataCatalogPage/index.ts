export { DataCatalogPage } from './DataCatalogPage';
