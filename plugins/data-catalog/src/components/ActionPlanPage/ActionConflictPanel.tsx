import { ActionStatus } from '@internal/plugin-data-catalog-common';
import { ActionItem } from '../../api';
import { nameOf } from '../../lib/names';
import { ConflictPanel, ConflictRow } from '../ConflictPanel';
import { ACTION_STATUS_LABELS } from './labels';

/** A status change that lost to someone else's save of the same item. */
export interface StatusConflict {
  /** The item as it is saved now. */
  latest: ActionItem;
  /** The item as the user saw it when they changed its status. */
  seen: ActionItem;
  /** The status the user chose. */
  status: ActionStatus;
}

function fields(item: ActionItem): string[] {
  return [
    item.step,
    nameOf(item.owner),
    item.dueDate,
    ACTION_STATUS_LABELS[item.status] ?? item.status,
  ];
}

const LABELS = ['Step', 'Owner', 'Due', 'Status'];

/**
 * The conflict of a status change: the item as now saved beside the item
 * as the user saw it with their new status, so they can see what the other
 * person changed before applying their status on top.
 */
export function ActionConflictPanel(props: {
  conflict: StatusConflict;
  saving: boolean;
  onApply: () => void;
  onDismiss: () => void;
}) {
  const { latest, seen, status } = props.conflict;
  const saved = fields(latest);
  const mine = fields({ ...seen, status });
  const words = ACTION_STATUS_LABELS[status].toLocaleLowerCase('en-US');
  const rows: ConflictRow[] = LABELS.map((label, i) => ({
    label,
    saved: saved[i],
    mine: mine[i],
  }));

  return (
    <ConflictPanel
      title={`Someone else changed “${latest.step}” before your change was saved`}
      subject="The action item"
      latest={latest}
      rows={rows}
      mineHeading="As you saw it, with your change"
      applyNote={`Applying your change again sets the status to ${words}; the other fields keep the values saved now.`}
      applyLabel="Apply my change again"
      onApply={props.onApply}
      dismissLabel="Keep the saved version"
      onDismiss={props.onDismiss}
      saving={props.saving}
    />
  );
}
