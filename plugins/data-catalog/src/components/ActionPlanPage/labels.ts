import { ActionStatus } from '@internal/plugin-data-catalog-common';

/** The words shown for each status of an action item. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
