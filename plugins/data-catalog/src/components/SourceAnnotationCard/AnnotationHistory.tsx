import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { HistoryEntry } from '@internal/plugin-data-catalog-common';
import { makeStyles, Typography } from '@material-ui/core';
import { formatTime } from '../../lib/formatTime';
import { describeChange, errorMessage } from './annotationValues';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  item: { marginBottom: theme.spacing(0.5), overflowWrap: 'anywhere' },
}));

/** Who changed the annotation, when and what, newest first. */
export function AnnotationHistory(props: {
  entries?: HistoryEntry[];
  loading: boolean;
  error?: Error;
  nameOf: (ref: string) => string;
}) {
  const classes = useStyles();
  const { entries, loading, error, nameOf } = props;

  let body;
  if (error) {
    body = (
      <Typography variant="body2" color="error">
        Could not load the history: {errorMessage(error)}
      </Typography>
    );
  } else if (loading && !entries) {
    body = <Typography variant="body2">Loading the history…</Typography>;
  } else if (!entries || entries.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No changes yet.
      </Typography>
    );
  } else {
    body = (
      <ul className={classes.list}>
        {entries.map(entry => {
          const changes = describeChange(entry.before, entry.after, nameOf);
          const what =
            changes.length > 0 ? changes.join('; ') : 'saved without changes';
          return (
            <li key={entry.id} className={classes.item}>
              <Typography variant="body2" component="span">
                <EntityRefLink entityRef={entry.changedBy} defaultKind="user" />{' '}
                on {formatTime(entry.changedAt)}: {what}
              </Typography>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <section aria-label="Change history">
      <Typography variant="subtitle2" component="h3" gutterBottom>
        Recent changes
      </Typography>
      {body}
    </section>
  );
}
