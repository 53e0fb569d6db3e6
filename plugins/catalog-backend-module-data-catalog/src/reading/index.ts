export { entityDataParser } from './entityDataParser';
export {
  unreadableMessages,
  UNREADABLE_ANNOTATION,
} from './unreadableAnnotation';
