export { DataElementOverviewCard } from './DataElementOverviewCard';
