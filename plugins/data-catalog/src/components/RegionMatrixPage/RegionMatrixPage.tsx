import { ChangeEvent, useCallback, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import {
  Box,
  Button,
  Grid,
  makeStyles,
  TextField,
  Typography,
} from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { dataCatalogApiRef, RegionMatrix } from '../../api';
import { downloadCsv } from '../../lib/csv';
import { WorkbookButton } from '../WorkbookButton';
import { nameOf } from '../../lib/names';
import { rootRouteRef } from '../../routes';
import { STATUS_LABELS } from '../StatusChip';
import { MatrixGrid } from './MatrixGrid';
import {
  ColumnOrder,
  CONSTRUCT_LABELS,
  matrixCsvRows,
  MatrixOptions,
  RowSort,
  STAGE_LABELS,
  STATUS_MARKS,
  viewMatrix,
} from './matrixModel';
import { RegionSummary } from './RegionSummary';
import { useElementSize } from '../../lib/useElementSize';

const COLUMN_ORDERS: Record<ColumnOrder, string> = {
  stage: 'By stage, then construct',
  construct: 'By construct, then stage',
  catalog: 'As listed in the catalog',
  'fewest-available': 'Fewest districts available first',
};

const LEGEND: IndicatorStatus[] = [
  'available',
  'partial',
  'missing',
  'not-applicable',
];

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  field: {
    minWidth: 200,
  },
  spacer: {
    flexGrow: 1,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(0, 0, 1, 0),
    padding: 0,
    listStyle: 'none',
  },
  mark: {
    display: 'inline-block',
    width: 20,
    marginRight: theme.spacing(0.5),
    borderRadius: 2,
    textAlign: 'center',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  available: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  partial: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  missing: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  notApplicable: {
    backgroundColor: theme.palette.grey[300],
    color: theme.palette.getContrastText(theme.palette.grey[300]),
  },
  frame: {
    height: '70vh',
    minHeight: 360,
  },
}));

/** The legend of the status marks. */
function Legend() {
  const classes = useStyles();
  const markClass: Record<IndicatorStatus, string> = {
    available: classes.available,
    partial: classes.partial,
    missing: classes.missing,
    'not-applicable': classes.notApplicable,
  };

  return (
    <ul className={classes.legend} aria-label="Legend">
      {LEGEND.map(status => (
        <li key={status}>
          <Typography variant="body2" component="span">
            <span
              className={`${classes.mark} ${markClass[status]}`}
              aria-hidden
            >
              {STATUS_MARKS[status]}
            </span>
            {STATUS_LABELS[status]}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** The matrix with its filters, sorting and download. */
function RegionMatrixView(props: { matrix: RegionMatrix }) {
  const { matrix } = props;
  const classes = useStyles();
  const rootLink = useRouteRef(rootRouteRef);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const { width, height } = useElementSize(frame);
  const [options, setOptions] = useState<MatrixOptions>({
    stage: 'all',
    construct: 'all',
    columnOrder: 'stage',
    rowSort: { key: 'name', direction: 'asc' },
    search: '',
  });

  const view = useMemo(() => viewMatrix(matrix, options), [matrix, options]);

  const districtHref = useCallback(
    (ref: string) =>
      `${rootLink()}/districts?${new URLSearchParams({
        district: nameOf(ref),
      })}`,
    [rootLink],
  );
  const onRowSortChange = useCallback(
    (rowSort: RowSort) => setOptions(o => ({ ...o, rowSort })),
    [],
  );
  const set =
    <K extends keyof MatrixOptions>(key: K) =>
    (event: ChangeEvent<{ value: unknown }>) =>
      setOptions(o => ({
        ...o,
        [key]: event.target.value as MatrixOptions[K],
      }));

  const empty =
    view.rows.length === 0
      ? `No district's name contains “${options.search.trim()}”.`
      : view.columns.length === 0 &&
        'No indicator has this stage and construct.';

  return (
    <InfoCard
      title="Districts by indicators"
      subheader={`${view.rows.length.toLocaleString(
        'en-US',
      )} districts by ${view.columns.length.toLocaleString(
        'en-US',
      )} indicators. Select a cell or a district to open its gaps.`}
    >
      <div className={classes.toolbar}>
        <TextField
          className={classes.field}
          id="region-matrix-search"
          label="Find a district"
          value={options.search}
          onChange={set('search')}
        />
        <TextField
          select
          className={classes.field}
          id="region-matrix-stage"
          label="Stage"
          value={options.stage}
          onChange={set('stage')}
          SelectProps={{ native: true }}
        >
          <option value="all">All stages</option>
          {INDICATOR_STAGES.map(stage => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </TextField>
        <TextField
          select
          className={classes.field}
          id="region-matrix-construct"
          label="Construct"
          value={options.construct}
          onChange={set('construct')}
          SelectProps={{ native: true }}
        >
          <option value="all">All constructs</option>
          {INDICATOR_CONSTRUCTS.map(construct => (
            <option key={construct} value={construct}>
              {CONSTRUCT_LABELS[construct]}
            </option>
          ))}
        </TextField>
        <TextField
          select
          className={classes.field}
          id="region-matrix-order"
          label="Order indicators"
          value={options.columnOrder}
          onChange={set('columnOrder')}
          SelectProps={{ native: true }}
        >
          {Object.entries(COLUMN_ORDERS).map(([order, label]) => (
            <option key={order} value={order}>
              {label}
            </option>
          ))}
        </TextField>
        <span className={classes.spacer} />
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={Boolean(empty)}
          onClick={() =>
            downloadCsv('region-matrix.csv', matrixCsvRows(matrix, view))
          }
          title="The districts and indicators shown, in the order shown"
        >
          Download CSV
        </Button>
        <WorkbookButton />
      </div>
      <Legend />
      {empty ? (
        <Box py={4}>
          <Typography>{empty}</Typography>
        </Box>
      ) : (
        <div ref={setFrame} className={classes.frame}>
          {width > 0 && height > 0 && (
            <MatrixGrid
              matrix={matrix}
              view={view}
              width={width}
              height={height}
              rowSort={options.rowSort}
              onRowSortChange={onRowSortChange}
              districtHref={districtHref}
            />
          )}
        </div>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        In the matrix, arrow keys, Page Up, Page Down, Home and End move between
        cells; Enter opens the district's gaps.
      </Typography>
    </InfoCard>
  );
}

function MatrixEmptyState(props: { matrix?: RegionMatrix }) {
  if (!props.matrix || props.matrix.districts.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No districts in the catalog yet"
        description="Register each member district as a Group entity of type district under the BOCES group, and the DataSource entities that hold its student data. The matrix fills in once the catalog has read them."
      />
    );
  }
  return (
    <EmptyState
      missing="data"
      title="No indicators in the catalog yet"
      description="Add Indicator entities for the access, participation and outcome measures the region tracks, each listing the data elements it requires. Every district is then assessed on each of them."
    />
  );
}

/**
 * The region as a matrix of districts by indicators, with totals each way
 * and a summary per stage and construct, for regional leaders.
 */
export function RegionMatrixPage() {
  const api = useApi(dataCatalogApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRegionMatrix(),
    [api],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.districts.length === 0 || value.indicators.length === 0) {
    return <MatrixEmptyState matrix={value} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RegionSummary matrix={value} />
      </Grid>
      <Grid item xs={12}>
        <RegionMatrixView matrix={value} />
      </Grid>
    </Grid>
  );
}
