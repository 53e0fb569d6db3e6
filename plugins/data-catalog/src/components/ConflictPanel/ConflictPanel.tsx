import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { ReactNode } from 'react';
import { formatTime } from '../../lib/formatTime';

const useStyles = makeStyles(theme => ({
  panel: { marginBottom: theme.spacing(2) },
  table: { margin: theme.spacing(1, 0) },
  cell: {
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  differs: { backgroundColor: theme.palette.action.hover },
  actions: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
}));

/** One field of a conflict: what is saved now beside what the user has. */
export interface ConflictRow {
  label: string;
  saved: string;
  mine: string;
}

/** Props of {@link ConflictPanel}. */
export interface ConflictPanelProps {
  /** What happened, as the panel's title. */
  title: string;
  /** What was saved, starting a sentence: "The notes", "The action item". */
  subject: string;
  /** Who saved the version that won, and when. */
  latest: { version: number; updatedBy?: string; updatedAt?: string };
  rows: ConflictRow[];
  /** The heading of the user's column. */
  mineHeading?: string;
  /** A sentence on what applying the user's values again will do. */
  applyNote?: ReactNode;
  applyLabel: string;
  onApply: () => void;
  /** Offered when the user may drop their values for the saved ones. */
  dismissLabel?: string;
  onDismiss?: () => void;
  saving: boolean;
}

/**
 * Shown when a save lost to someone else's: the saved values beside the
 * user's, with the rows that differ marked, and a way to apply the user's
 * values again on top of the saved version, so nothing is overwritten
 * unseen and nothing typed is lost.
 */
export function ConflictPanel(props: ConflictPanelProps) {
  const classes = useStyles();
  const { latest } = props;

  return (
    <Alert severity="warning" className={classes.panel} role="alert">
      <AlertTitle>{props.title}</AlertTitle>
      <Typography variant="body2">
        Nothing of yours was saved. {props.subject} is now at version{' '}
        {latest.version}
        {latest.updatedBy && (
          <>
            , saved by{' '}
            <EntityRefLink entityRef={latest.updatedBy} defaultKind="user" />
          </>
        )}
        {latest.updatedAt && ` on ${formatTime(latest.updatedAt)}`}.
      </Typography>
      <Table
        size="small"
        className={classes.table}
        aria-label="Saved values beside yours"
      >
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Field
            </TableCell>
            <TableCell component="th" scope="col">
              Saved now
            </TableCell>
            <TableCell component="th" scope="col">
              {props.mineHeading ?? 'Your unsaved values'}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map(row => {
            const differs = row.saved !== row.mine;
            return (
              <TableRow
                key={row.label}
                className={differs ? classes.differs : undefined}
              >
                <TableCell component="th" scope="row" className={classes.cell}>
                  {row.label}
                  {differs && ' (differs)'}
                </TableCell>
                <TableCell className={classes.cell}>{row.saved}</TableCell>
                <TableCell className={classes.cell}>{row.mine}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {props.applyNote && (
        <Typography variant="body2" paragraph>
          {props.applyNote}
        </Typography>
      )}
      <div className={classes.actions}>
        <Button
          variant="contained"
          color="primary"
          disabled={props.saving}
          onClick={props.onApply}
        >
          {props.applyLabel}
        </Button>
        {props.onDismiss && (
          <Button disabled={props.saving} onClick={props.onDismiss}>
            {props.dismissLabel}
          </Button>
        )}
      </div>
    </Alert>
  );
}
