export { ProvidedElementsCard } from './ProvidedElementsCard';
