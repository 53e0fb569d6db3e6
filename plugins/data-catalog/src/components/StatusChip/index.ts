export { StatusChip, STATUS_LABELS } from './StatusChip';
