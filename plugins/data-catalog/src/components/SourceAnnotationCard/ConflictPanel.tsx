import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Annotation } from '@internal/plugin-data-catalog-common';
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
import {
  CORRECTION_STATUS_LABELS,
  FormValues,
  formatTime,
  formValues,
  ratingText,
} from './annotationValues';

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

type Shown = Record<
  'notes' | 'lastVerified' | 'qualityRating' | 'corrections',
  string
>;

function shown(values: FormValues, nameOf: (ref: string) => string): Shown {
  return {
    notes: values.notes.trim() || '(none)',
    lastVerified: values.lastVerified || '(none)',
    qualityRating: values.qualityRating
      ? ratingText(Number(values.qualityRating))
      : '(not rated)',
    corrections:
      values.corrections
        .map(
          c =>
            `${nameOf(c.element)} ${
              CORRECTION_STATUS_LABELS[c.status] ?? c.status
            }: ${c.reason.trim()}`,
        )
        .join('\n') || '(none)',
  };
}

const FIELDS: Array<[keyof Shown, string]> = [
  ['notes', 'Notes'],
  ['lastVerified', 'Last verified'],
  ['qualityRating', 'Quality'],
  ['corrections', 'Corrections'],
];

/**
 * Shown when a save lost to someone else's: the annotation as it now stands
 * beside the values the user has not saved, so they can decide whether to
 * apply theirs on top.
 */
export function ConflictPanel(props: {
  latest: Annotation;
  mine: FormValues;
  nameOf: (ref: string) => string;
  saving: boolean;
  onApplyMine: () => void;
  onUseLatest: () => void;
}) {
  const classes = useStyles();
  const { latest, nameOf } = props;
  const theirs = shown(formValues(latest), nameOf);
  const mine = shown(props.mine, nameOf);

  return (
    <Alert severity="warning" className={classes.panel} role="alert">
      <AlertTitle>
        Someone else saved these notes while you were editing
      </AlertTitle>
      <Typography variant="body2">
        Nothing of yours was saved. The notes are now at version{' '}
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
              Your unsaved values
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {FIELDS.map(([field, label]) => {
            const differs = theirs[field] !== mine[field];
            return (
              <TableRow
                key={field}
                className={differs ? classes.differs : undefined}
              >
                <TableCell component="th" scope="row" className={classes.cell}>
                  {label}
                  {differs && ' (differs)'}
                </TableCell>
                <TableCell className={classes.cell}>{theirs[field]}</TableCell>
                <TableCell className={classes.cell}>{mine[field]}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div className={classes.actions}>
        <Button
          variant="contained"
          color="primary"
          disabled={props.saving}
          onClick={props.onApplyMine}
        >
          Apply my changes again
        </Button>
        <Button disabled={props.saving} onClick={props.onUseLatest}>
          Start over from the saved version
        </Button>
      </div>
    </Alert>
  );
}
