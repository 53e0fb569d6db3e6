import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  IndicatorAvailability,
  IndicatorEntityV1alpha1,
  isIndicatorEntity,
} from '@internal/plugin-data-catalog-common';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataCatalogApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { StatusChip } from '../StatusChip';
import { CONSTRUCT_LABELS, STAGE_LABELS } from './labels';
import { StatusChanges } from './StatusChanges';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7rem, max-content) minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: theme.spacing(0, 0, 3),
  },
  term: {
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
  },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  heading: { marginTop: theme.spacing(3) },
  reason: { overflowWrap: 'anywhere' },
}));

/**
 * One indicator in every district: what it measures, whether each district
 * can compute it and why not, and how that changed over time.
 */
export function IndicatorDistrictsCard() {
  const { entity } = useEntity();

  if (!isIndicatorEntity(entity)) {
    return (
      <InfoCard title="Across districts">
        <Typography>
          This card describes indicators; {entity.kind} {entity.metadata.name}{' '}
          is not one.
        </Typography>
      </InfoCard>
    );
  }
  return <IndicatorDistricts entity={entity} />;
}

function IndicatorDistricts(props: { entity: IndicatorEntityV1alpha1 }) {
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const { spec } = props.entity;
  const ref = stringifyEntityRef(props.entity).toLocaleLowerCase('en-US');

  const availability = useAsync(async () => {
    // Titles only make the rows friendlier; without them, names will do.
    const [across, districts] = await Promise.all([
      api.getIndicatorAvailability(ref),
      api.listDistricts().catch(() => undefined),
    ]);
    const titles = new Map(
      (districts?.items ?? []).map(district => [district.ref, district.title]),
    );
    return { across, titles };
  }, [api, ref]);
  const changes = useAsync(() => api.getStatusChanges(ref), [api, ref]);

  const titleOf = (district: string) =>
    availability.value?.titles.get(district) ?? nameOf(district);

  return (
    <InfoCard title="Across districts">
      <dl className={classes.list}>
        <Fact label="Definition">{spec.definition}</Fact>
        <Fact label="Calculation">{spec.calculation}</Fact>
        {spec.unit && <Fact label="Unit">{spec.unit}</Fact>}
        <Fact label="Stage">{STAGE_LABELS[spec.stage] ?? spec.stage}</Fact>
        <Fact label="Construct">
          {CONSTRUCT_LABELS[spec.construct] ?? spec.construct}
        </Fact>
      </dl>

      <Typography variant="h6" component="h3">
        Whether each district can compute it
      </Typography>
      {availability.loading && <Progress />}
      {availability.error && <ResponseErrorPanel error={availability.error} />}
      {availability.value && (
        <Districts
          results={availability.value.across.results}
          titleOf={titleOf}
        />
      )}

      <Typography variant="h6" component="h3" className={classes.heading}>
        Status changes
      </Typography>
      {changes.loading && <Progress />}
      {changes.error && <ResponseErrorPanel error={changes.error} />}
      {changes.value && (
        <StatusChanges changes={changes.value} titleOf={titleOf} />
      )}
    </InfoCard>
  );
}

function Districts(props: {
  results: IndicatorAvailability[];
  titleOf: (district: string) => string;
}) {
  const classes = useStyles();
  // Wherever the app mounts the plugin's page, in either frontend system.
  const root = useRouteRef(rootRouteRef);
  const { results, titleOf } = props;

  if (results.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No districts are in the catalog yet.
      </Typography>
    );
  }

  const rows = [...results].sort((a, b) =>
    titleOf(a.district).localeCompare(titleOf(b.district)),
  );
  return (
    <Table size="small" aria-label="Availability by district">
      <TableHead>
        <TableRow>
          <TableCell>District</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Main reason</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(result => (
          <TableRow key={result.district}>
            <TableCell component="th" scope="row">
              <Link
                to={`${root()}/districts?${new URLSearchParams({
                  district: nameOf(result.district),
                })}`}
              >
                {titleOf(result.district)}
              </Link>
            </TableCell>
            <TableCell>
              <StatusChip status={result.status} />
            </TableCell>
            <TableCell className={classes.reason}>
              {result.reasons[0] ?? ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
