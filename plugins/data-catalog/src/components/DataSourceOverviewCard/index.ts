export { DataSourceOverviewCard } from './DataSourceOverviewCard';
