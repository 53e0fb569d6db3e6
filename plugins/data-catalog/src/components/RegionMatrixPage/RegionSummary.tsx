import { useMemo } from 'react';
import { InfoCard } from '@backstage/core-components';
import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import {
  Grid,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { RegionMatrix } from '../../api';
import { STATUS_LABELS } from '../StatusChip';
import {
  constructLabel,
  Counts,
  emptyCounts,
  stageLabel,
  STATUS_MARKS,
} from './matrixModel';

const STATUSES: IndicatorStatus[] = [
  'available',
  'partial',
  'missing',
  'not-applicable',
];

const useStyles = makeStyles(theme => ({
  scroller: {
    overflowX: 'auto',
  },
  table: {
    '& th, & td': {
      whiteSpace: 'nowrap',
    },
  },
  number: {
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  share: {
    color: theme.palette.text.secondary,
    marginLeft: theme.spacing(0.5),
  },
}));

interface Group {
  label: string;
  indicators: number;
  counts: Counts;
}

// Sums the indicators' counts per stage or construct, known values first
// in their usual order, then any the backend knows and this page does not.
function groupBy(
  matrix: RegionMatrix,
  key: 'stage' | 'construct',
  known: readonly string[],
  label: (value: string) => string,
): Group[] {
  const groups = new Map<string, Group>(
    known.map(value => [
      value,
      { label: label(value), indicators: 0, counts: emptyCounts() },
    ]),
  );
  for (const indicator of matrix.indicators) {
    const value = indicator[key];
    const group = groups.get(value) ?? {
      label: label(value),
      indicators: 0,
      counts: emptyCounts(),
    };
    group.indicators += 1;
    for (const status of STATUSES) {
      group.counts[status] += indicator.counts?.[status] ?? 0;
    }
    groups.set(value, group);
  }
  return [...groups.values()];
}

function SummaryTable(props: { title: string; groups: Group[] }) {
  const classes = useStyles();
  const format = (n: number) => n.toLocaleString('en-US');

  return (
    <div className={classes.scroller}>
      <Table
        size="small"
        className={classes.table}
        aria-label={`Region by ${props.title.toLowerCase()}`}
      >
        <TableHead>
          <TableRow>
            <TableCell>{props.title}</TableCell>
            <TableCell align="right">Indicators</TableCell>
            {STATUSES.map(status => (
              <TableCell key={status} align="right">
                {STATUS_LABELS[status]} ({STATUS_MARKS[status]})
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.groups.map(group => {
            const pairs = STATUSES.reduce((n, s) => n + group.counts[s], 0);
            return (
              <TableRow key={group.label}>
                <TableCell component="th" scope="row" role="rowheader">
                  {group.label}
                </TableCell>
                <TableCell align="right" className={classes.number}>
                  {format(group.indicators)}
                </TableCell>
                {STATUSES.map(status => (
                  <TableCell
                    key={status}
                    align="right"
                    className={classes.number}
                  >
                    {format(group.counts[status])}
                    {pairs > 0 && (
                      <span className={classes.share}>
                        ({Math.round((100 * group.counts[status]) / pairs)}%)
                      </span>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * How far the whole region can measure each stage and construct: every
 * district on every indicator, added up.
 */
export function RegionSummary(props: { matrix: RegionMatrix }) {
  const { matrix } = props;
  const byStage = useMemo(
    () => groupBy(matrix, 'stage', INDICATOR_STAGES, stageLabel),
    [matrix],
  );
  const byConstruct = useMemo(
    () => groupBy(matrix, 'construct', INDICATOR_CONSTRUCTS, constructLabel),
    [matrix],
  );

  return (
    <InfoCard
      title="Across the region"
      subheader={`${matrix.districts.length.toLocaleString(
        'en-US',
      )} districts and ${matrix.indicators.length.toLocaleString(
        'en-US',
      )} indicators. Each count is one district on one indicator.`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} xl={5}>
          <SummaryTable title="Stage" groups={byStage} />
        </Grid>
        <Grid item xs={12} xl={7}>
          <SummaryTable title="Construct" groups={byConstruct} />
        </Grid>
      </Grid>
      {matrix.refreshedAt && (
        <Typography variant="caption" color="textSecondary" component="p">
          Computed from the catalog as read on{' '}
          {new Date(matrix.refreshedAt).toLocaleString('en-US')}.
        </Typography>
      )}
    </InfoCard>
  );
}
