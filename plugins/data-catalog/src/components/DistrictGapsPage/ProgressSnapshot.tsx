import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  INDICATOR_STAGES,
  StatusCounts,
} from '@internal/plugin-data-catalog-common';
import { ProgressPoint } from '../../api';
import { STATUS_LABELS } from '../StatusChip';
import { STAGE_LABELS } from './gapView';
import { day, SERIES } from './progressPoints';

const useStyles = makeStyles(theme => ({
  total: {
    '& > *': { fontWeight: theme.typography.fontWeightBold as number },
  },
  note: { marginTop: theme.spacing(1) },
}));

/**
 * The progress of a district with a single record so far, as on a fresh
 * catalog: that record's counts by stage, with its date, until a second
 * record gives the chart a line to draw.
 */
export function ProgressSnapshot(props: { point: ProgressPoint }) {
  const classes = useStyles();
  const { summary } = props.point;
  const when = day(new Date(props.point.takenAt));
  // A summary read back from an older record may lack a stage.
  const rows = INDICATOR_STAGES.map(stage => ({
    label: STAGE_LABELS[stage],
    counts: summary.byStage[stage] as StatusCounts | undefined,
  }));

  return (
    <>
      <Typography variant="body2" paragraph>
        Indicators by status on {when}, the only record so far.
      </Typography>
      <Table size="small" aria-label={`Indicators by status on ${when}`}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Stage
            </TableCell>
            {SERIES.map(status => (
              <TableCell key={status} component="th" scope="col" align="right">
                {STATUS_LABELS[status]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {SERIES.map(status => (
                <TableCell key={status} align="right">
                  {row.counts?.[status] ?? 0}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow className={classes.total}>
            <TableCell component="th" scope="row">
              All stages
            </TableCell>
            {SERIES.map(status => (
              <TableCell key={status} align="right">
                {summary.total[status]}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.note}
      >
        A chart of the counts over time appears here as the catalog changes.
      </Typography>
    </>
  );
}
