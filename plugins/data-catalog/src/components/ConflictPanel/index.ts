export { ConflictPanel } from './ConflictPanel';
export type { ConflictPanelProps, ConflictRow } from './ConflictPanel';
