import { useId, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
  useTheme,
} from '@material-ui/core';
import {
  INDICATOR_STAGES,
  IndicatorStage,
} from '@internal/plugin-data-catalog-common';
import useAsync from 'react-use/esm/useAsync';
import { dataCatalogApiRef, ProgressPoint } from '../../api';
import { STATUS_LABELS } from '../StatusChip';
import { STAGE_LABELS } from './gapView';
import {
  ChartPoint,
  chartPoints,
  day,
  DAY_MS,
  describeProgress,
  moment,
  Series,
  SERIES,
} from './progressPoints';
import { ProgressSnapshot } from './ProgressSnapshot';

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 40 };

// Each series has its own dash pattern so that colour is not the only cue.
const DASHES: Record<Series, string | undefined> = {
  available: undefined,
  partial: '8 4',
  missing: '2 4',
};

const useStyles = makeStyles(theme => ({
  chart: {
    display: 'block',
    width: '100%',
    height: 'auto',
    maxHeight: 240,
  },
  axis: {
    fill: theme.palette.text.secondary,
    fontSize: 12,
  },
  grid: {
    stroke: theme.palette.divider,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: theme.spacing(1, 0),
    padding: 0,
  },
  legendItem: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link ProgressChart}. */
export interface ProgressChartProps {
  /** The district's name. */
  district: string;
}

/**
 * How many of a district's indicators were available, partial and missing
 * over time, as a step chart with a legend, a sentence for screen readers
 * and the numbers as a table on request.
 */
export function ProgressChart(props: ProgressChartProps) {
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const [stage, setStage] = useState<IndicatorStage | ''>('');
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const stageId = useId();
  const { value, loading, error } = useAsync(
    () => api.getProgress(props.district),
    [api, props.district],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} title="Could not load progress" />;
  }

  const series = value?.series ?? [];
  if (series.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Progress appears here as the catalog changes.
      </Typography>
    );
  }
  // One record draws no line; its counts are worth showing meanwhile.
  if (series.length === 1) {
    return <ProgressSnapshot point={series[0]} />;
  }

  const points = chartPoints(series, stage || undefined);

  return (
    <>
      <div className={classes.toolbar}>
        <TextField
          id={stageId}
          select
          label="Progress of"
          value={stage}
          onChange={e => setStage(e.target.value as IndicatorStage | '')}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
        >
          <option value="">All stages</option>
          {INDICATOR_STAGES.map(s => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </TextField>
        <Button
          size="small"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable(shown => !shown)}
        >
          {showTable ? 'Hide the numbers' : 'Show the numbers'}
        </Button>
      </div>
      <StepChart points={points} />
      <ul className={classes.legend} aria-label="Legend">
        {SERIES.map(s => (
          <li key={s} className={classes.legendItem}>
            <LegendLine series={s} />
            {STATUS_LABELS[s]}: {points[points.length - 1].counts[s]} now
          </li>
        ))}
      </ul>
      {showTable && <ProgressTable id={tableId} points={points} />}
    </>
  );
}

function useSeriesColours(): Record<Series, string> {
  const theme = useTheme();
  return {
    available: theme.palette.success.main,
    partial: theme.palette.warning.main,
    missing: theme.palette.error.main,
  };
}

function LegendLine(props: { series: Series }) {
  const colours = useSeriesColours();
  return (
    <svg width={32} height={10} aria-hidden focusable="false">
      <line
        x1={0}
        x2={32}
        y1={5}
        y2={5}
        stroke={colours[props.series]}
        strokeWidth={3}
        strokeDasharray={DASHES[props.series]}
      />
    </svg>
  );
}

function StepChart(props: { points: ChartPoint[] }) {
  const classes = useStyles();
  const colours = useSeriesColours();
  const titleId = useId();
  const { points } = props;

  const first = points[0].at.getTime();
  const last = points[points.length - 1].at.getTime();
  const max = Math.max(1, ...points.flatMap(p => SERIES.map(s => p.counts[s])));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // Points taken at the same moment are spread evenly instead.
  const x = (point: ChartPoint, index: number) =>
    MARGIN.left +
    innerWidth *
      (last > first
        ? (point.at.getTime() - first) / (last - first)
        : index / (points.length - 1));
  const y = (count: number) =>
    MARGIN.top + innerHeight - (innerHeight * count) / max;

  // A count holds until the next point, so the lines are steps.
  const path = (series: Series) =>
    points
      .map((point, i) => {
        const px = x(point, i).toFixed(1);
        const py = y(point.counts[series]).toFixed(1);
        return i === 0 ? `M${px},${py}` : `H${px}V${py}`;
      })
      .join('');

  const ticks = [...new Set([0, Math.round(max / 2), max])];
  // Points within a day or two of each other would all read the same date.
  const axisLabel = last - first < 2 * DAY_MS ? moment : day;

  return (
    <svg
      className={classes.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{describeProgress(points)}</title>
      {ticks.map(tick => (
        <g key={tick}>
          <line
            className={classes.grid}
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
          />
          <text
            className={classes.axis}
            x={MARGIN.left - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {tick}
          </text>
        </g>
      ))}
      <text
        className={classes.axis}
        x={MARGIN.left}
        y={HEIGHT - 6}
        textAnchor="start"
      >
        {axisLabel(points[0].at)}
      </text>
      <text
        className={classes.axis}
        x={WIDTH - MARGIN.right}
        y={HEIGHT - 6}
        textAnchor="end"
      >
        {axisLabel(points[points.length - 1].at)}
      </text>
      {SERIES.map(s => (
        <path
          key={s}
          d={path(s)}
          fill="none"
          stroke={colours[s]}
          strokeWidth={2.5}
          strokeDasharray={DASHES[s]}
        />
      ))}
    </svg>
  );
}

const CAUSES: Record<ProgressPoint['cause'], string> = {
  catalog: 'Catalog changed',
  annotation: 'Owner annotated',
  daily: 'Daily record',
};

function ProgressTable(props: { id: string; points: ChartPoint[] }) {
  return (
    <Table
      id={props.id}
      size="small"
      aria-label="Indicators by status over time"
    >
      <TableHead>
        <TableRow>
          <TableCell>Date</TableCell>
          <TableCell>Why</TableCell>
          {SERIES.map(s => (
            <TableCell key={s} align="right">
              {STATUS_LABELS[s]}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.points.map((point, index) => (
          <TableRow key={index}>
            <TableCell>{day(point.at)}</TableCell>
            <TableCell>{CAUSES[point.cause] ?? point.cause}</TableCell>
            {SERIES.map(s => (
              <TableCell key={s} align="right">
                {point.counts[s]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
