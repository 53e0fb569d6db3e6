export { RegionMatrixPage } from './RegionMatrixPage';
