export { DistrictGapsPage } from './DistrictGapsPage';
