export { ElementComparisonPage } from './ElementComparisonPage';
