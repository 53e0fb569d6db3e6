export { SourceAnnotationCard } from './SourceAnnotationCard';
