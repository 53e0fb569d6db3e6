export { IndicatorDistrictsCard } from './IndicatorDistrictsCard';
