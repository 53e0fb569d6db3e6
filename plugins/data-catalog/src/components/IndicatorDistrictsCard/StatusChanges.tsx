import { IndicatorStatus } from '@internal/plugin-data-catalog-common';
import { Button, makeStyles, Typography } from '@material-ui/core';
import { useState } from 'react';
import { StatusChange } from '../../api';
import { STATUS_LABELS } from '../StatusChip';

const SHOWN_AT_FIRST = 10;

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  item: { marginBottom: theme.spacing(0.5), overflowWrap: 'anywhere' },
}));

/** An indicator's changes of status in the districts, newest first. */
export function StatusChanges(props: {
  changes: StatusChange[];
  titleOf: (district: string) => string;
}) {
  const classes = useStyles();
  const [all, setAll] = useState(false);
  const sorted = [...props.changes].sort((a, b) =>
    b.changedAt.localeCompare(a.changedAt),
  );
  const shown = all ? sorted : sorted.slice(0, SHOWN_AT_FIRST);

  if (sorted.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No changes recorded yet.
      </Typography>
    );
  }
  return (
    <>
      <ul className={classes.list} aria-label="Status changes">
        {shown.map(change => (
          <li
            key={`${change.changedAt}:${change.district}`}
            className={classes.item}
          >
            <Typography variant="body2" component="span">
              {describeStatusChange(change, props.titleOf)}
            </Typography>
          </li>
        ))}
      </ul>
      {sorted.length > shown.length && (
        <Button size="small" onClick={() => setAll(true)}>
          Show all {sorted.length} changes
        </Button>
      )}
    </>
  );
}

/** `Mar 5, 2025: Cedar Point went from Partial to Available — reason`. */
export function describeStatusChange(
  change: StatusChange,
  titleOf: (district: string) => string,
): string {
  const label = (status: IndicatorStatus) => STATUS_LABELS[status] ?? status;
  const when = formatDay(change.changedAt);
  const district = titleOf(change.district);
  const what = change.from
    ? `${district} went from ${label(change.from)} to ${label(change.to)}`
    : `${district} was first assessed as ${label(change.to)}`;
  const reason = change.reasons[0];

  return `${when}: ${what}${reason ? ` \u2014 ${reason}` : ''}`;
}

function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleDateString('en-US', { dateStyle: 'medium' });
}
