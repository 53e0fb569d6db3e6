export { WorkbookButton } from './WorkbookButton';
