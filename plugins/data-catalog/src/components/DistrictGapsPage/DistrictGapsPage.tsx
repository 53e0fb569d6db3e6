import { useCallback, useMemo, useRef, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Grid, makeStyles, Typography } from '@material-ui/core';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import GetAppIcon from '@material-ui/icons/GetApp';
import Alert from '@material-ui/lab/Alert';
import {
  IndicatorAvailability,
  IndicatorStatus,
  StatusCounts,
} from '@internal/plugin-data-catalog-common';
import useAsync from 'react-use/esm/useAsync';
import { dataCatalogApiRef, District, WriteAccess } from '../../api';
import { downloadCsv } from '../../lib/csv';
import { WorkbookButton } from '../WorkbookButton';
import { nameOf } from '../../lib/names';
import { readableError } from '../ActionPlanPage/writeErrors';
import { DistrictScope } from '../DistrictPicker';
import { STATUS_LABELS, StatusChip } from '../StatusChip';
import {
  ageInWords,
  CONSTRUCT_LABELS,
  filterGaps,
  gapCsvRows,
  GapFilters,
  groupGaps,
  labelOf,
  STAGE_LABELS,
  subgroupOptions,
} from './gapView';
import { GapFilterBar } from './GapFilterBar';
import { IndicatorRow } from './IndicatorRow';
import { PlanActionDialog } from './PlanActionDialog';
import { ProgressChart } from './ProgressChart';

const HOUR = 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  downloads: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
  },
  title: {
    overflowWrap: 'anywhere',
  },
  totals: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(8rem, 1fr))',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  total: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
  count: {
    fontSize: '2rem',
    lineHeight: 1.2,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  section: {
    marginTop: theme.spacing(3),
  },
  shown: {
    margin: theme.spacing(2, 0, 1),
  },
  stageHeading: {
    marginTop: theme.spacing(3),
  },
  stageButton: {
    fontSize: 'inherit',
    fontWeight: 'inherit',
    textTransform: 'none',
    padding: theme.spacing(0, 1),
    marginLeft: theme.spacing(-1),
  },
  stageCount: {
    marginLeft: theme.spacing(1),
    color: theme.palette.text.secondary,
    fontWeight: theme.typography.fontWeightRegular as number,
  },
  constructHeading: {
    margin: theme.spacing(2, 0, 0.5),
  },
  rows: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  noMatch: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/**
 * One district's indicators: which it can measure, which it cannot and
 * why, how that changed, and a way to plan a step for each gap.
 */
export function DistrictGapsPage() {
  return (
    <DistrictScope purpose="see which indicators it can measure">
      {district => <DistrictGaps key={district.ref} district={district} />}
    </DistrictScope>
  );
}

function DistrictGaps(props: { district: District }) {
  const { district } = props;
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const [filters, setFilters] = useState<GapFilters>({});
  const [planFor, setPlanFor] = useState<IndicatorAvailability>();
  const searchRef = useRef<HTMLInputElement>(null);
  const gaps = useAsync(
    () => api.getDistrictGaps(district.name),
    [api, district.name],
  );
  const access = useAsync(
    () => api.getWriteAccess(district.ref),
    [api, district.ref],
  );

  const results = useMemo(() => gaps.value?.results ?? [], [gaps.value]);
  const shown = useMemo(() => filterGaps(results, filters), [results, filters]);
  const subgroups = useMemo(() => subgroupOptions(results), [results]);
  // Until the backend says otherwise the button is offered; a refused write
  // explains itself in the dialog.
  const mayPlan = access.value?.allowed !== false;
  const onPlan = useCallback(
    (result: IndicatorAvailability) => setPlanFor(result),
    [],
  );
  // The button that cleared them goes away with the empty list; the search
  // field is where a reader would start narrowing again.
  const clearFromEmpty = useCallback(() => {
    setFilters({});
    searchRef.current?.focus();
  }, []);

  if (gaps.loading) {
    return <Progress />;
  }
  if (gaps.error || !gaps.value) {
    return (
      <ResponseErrorPanel
        error={gaps.error ?? new Error('No answer from the data catalog')}
        title={`Could not load the gaps of ${district.title}`}
      />
    );
  }

  const { summary, refreshedAt } = gaps.value;
  const download = () =>
    downloadCsv(
      `gaps-${district.name}-${new Date().toISOString().slice(0, 10)}.csv`,
      gapCsvRows(district.title, shown),
    );

  return (
    <>
      <div className={classes.header}>
        <Typography variant="h4" component="h2" className={classes.title}>
          {district.title}
        </Typography>
        <Freshness refreshedAt={refreshedAt} />
      </div>
      {refreshedAt && Date.now() - Date.parse(refreshedAt) > HOUR && (
        <WarningPanel
          title={`The catalog was last read ${ageInWords(
            new Date(refreshedAt),
            new Date(),
          )}`}
          message="Changes to sources and indicators since then do not show here yet. The data catalog reads the catalog on a schedule; if this stays old, ask the portal's administrators to check the refresh."
        />
      )}
      {access.error && (
        <WarningPanel
          title="Could not check whether you may plan actions"
          message={readableError(access.error).message}
        />
      )}
      {access.value && !access.value.allowed && (
        <Alert severity="info">
          You can read these gaps; only members of {writersOf(access.value)} can
          plan actions for {district.title}.
        </Alert>
      )}

      <Grid container spacing={3} className={classes.section}>
        <Grid item xs={12} lg={5}>
          <InfoCard title="Indicators by status">
            <Totals counts={summary.total} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={7}>
          <InfoCard title="Progress">
            <ProgressChart district={district.name} />
          </InfoCard>
        </Grid>
      </Grid>

      <section className={classes.section} aria-label="Indicators">
        <GapFilterBar
          filters={filters}
          onChange={setFilters}
          subgroups={subgroups}
          searchRef={searchRef}
        />
        <div className={classes.header}>
          <Typography className={classes.shown} role="status">
            Showing {shown.length} of {results.length} indicators
          </Typography>
          <div className={classes.downloads}>
            <Button
              startIcon={<GetAppIcon />}
              variant="outlined"
              onClick={download}
              disabled={shown.length === 0}
              title="The indicators shown, with their status and reasons"
            >
              Download CSV
            </Button>
            <WorkbookButton district={district} />
          </div>
        </div>
        {results.length === 0 ? (
          <Typography>
            The catalog has no indicators yet, so there is nothing to assess.
            Indicators are registered from catalog-info YAML of kind{' '}
            <code>Indicator</code>; a portal that has just started shows them
            within a minute or two, as the catalog reads them.
          </Typography>
        ) : (
          <GapGroups
            results={shown}
            onPlan={mayPlan ? onPlan : undefined}
            onClearFilters={clearFromEmpty}
          />
        )}
      </section>

      {planFor && (
        <PlanActionDialog
          district={district}
          result={planFor}
          onClose={() => setPlanFor(undefined)}
        />
      )}
    </>
  );
}

function writersOf(access: WriteAccess): string {
  if (access.writers.length === 0) {
    return 'the district data team, which is not set yet,';
  }
  return access.writers.map(nameOf).join(' or ');
}

function Freshness(props: { refreshedAt?: string }) {
  if (!props.refreshedAt) {
    return (
      <Typography color="textSecondary">
        The catalog has not been read yet
      </Typography>
    );
  }
  const at = new Date(props.refreshedAt);
  return (
    <Typography color="textSecondary" title={at.toLocaleString('en-US')}>
      Catalog read {ageInWords(at, new Date())}
    </Typography>
  );
}

const ORDER: IndicatorStatus[] = [
  'available',
  'partial',
  'missing',
  'not-applicable',
];

function Totals(props: { counts: StatusCounts }) {
  const classes = useStyles();
  return (
    <ul className={classes.totals} aria-label="Indicators by status">
      {ORDER.map(status => (
        <li
          key={status}
          className={classes.total}
          aria-label={`${STATUS_LABELS[status]}: ${props.counts[status]}`}
        >
          <span className={classes.count}>{props.counts[status]}</span>
          <StatusChip status={status} />
        </li>
      ))}
    </ul>
  );
}

function GapGroups(props: {
  results: IndicatorAvailability[];
  onPlan?: (result: IndicatorAvailability) => void;
  onClearFilters: () => void;
}) {
  const classes = useStyles();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => groupGaps(props.results), [props.results]);

  if (groups.length === 0) {
    return (
      <div className={classes.noMatch}>
        <Typography>No indicator matches these filters.</Typography>
        <Button variant="outlined" onClick={props.onClearFilters}>
          Clear filters
        </Button>
      </div>
    );
  }

  const toggle = (stage: string) =>
    setCollapsed(current => {
      const next = new Set(current);
      if (!next.delete(stage)) {
        next.add(stage);
      }
      return next;
    });

  return (
    <>
      {groups.map(group => {
        const open = !collapsed.has(group.stage);
        return (
          <section key={group.stage}>
            <Typography
              variant="h5"
              component="h3"
              className={classes.stageHeading}
            >
              <Button
                className={classes.stageButton}
                aria-expanded={open}
                endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                onClick={() => toggle(group.stage)}
              >
                {labelOf(STAGE_LABELS, group.stage)}
                <span className={classes.stageCount}>
                  {group.count} {group.count === 1 ? 'indicator' : 'indicators'}
                </span>
              </Button>
            </Typography>
            {open &&
              group.constructs.map(construct => (
                <div key={construct.construct}>
                  <Typography
                    variant="h6"
                    component="h4"
                    className={classes.constructHeading}
                  >
                    {labelOf(CONSTRUCT_LABELS, construct.construct)}
                  </Typography>
                  <ul className={classes.rows}>
                    {construct.results.map(result => (
                      <IndicatorRow
                        key={result.indicator}
                        result={result}
                        onPlan={props.onPlan}
                      />
                    ))}
                  </ul>
                </div>
              ))}
          </section>
        );
      })}
    </>
  );
}
