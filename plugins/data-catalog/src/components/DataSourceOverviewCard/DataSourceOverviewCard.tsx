import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  EntityRefLink,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  compactGrades,
  DataSourceEntityV1alpha1,
  isDataSourceEntity,
  LINEAGE_CYCLE_ANNOTATION,
} from '@internal/plugin-data-catalog-common';
import { makeStyles, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import WarningIcon from '@material-ui/icons/Warning';
import { Fragment } from 'react';
import { fullRef } from '../../lib/names';
import { Fact, FactList } from '../FactList';
import {
  ACCESS_METHOD_LABELS,
  CATEGORY_LABELS,
  compactYears,
  FREQUENCY_LABELS,
  LIFECYCLE_LABELS,
  PRIVACY_LABELS,
  TYPE_LABELS,
} from './labels';

const useStyles = makeStyles(theme => ({
  flagged: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  note: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  cycle: { marginBottom: theme.spacing(2), overflowWrap: 'anywhere' },
}));

/**
 * The facts of a data source a data team asks first: who owns it, where it
 * comes from, whether data can be got out and linked, what it covers and how
 * sensitive it is.
 */
export function DataSourceOverviewCard() {
  const { entity } = useEntity();

  if (!isDataSourceEntity(entity)) {
    return (
      <InfoCard title="Data source">
        <Typography>
          This card describes data sources; {entity.kind} {entity.metadata.name}{' '}
          is not one.
        </Typography>
      </InfoCard>
    );
  }
  return <Overview entity={entity} />;
}

function Overview(props: { entity: DataSourceEntityV1alpha1 }) {
  const classes = useStyles();
  const { metadata, spec } = props.entity;
  const cycle = metadata.annotations?.[LINEAGE_CYCLE_ANNOTATION];
  const years = spec.coverage.years ?? [];
  const grades = compactGrades(spec.coverage.grades ?? []);

  return (
    <InfoCard title="Data source overview">
      {cycle && (
        <Alert severity="warning" className={classes.cycle}>
          This source&apos;s lineage leads back to itself:{' '}
          <CyclePath cycle={cycle} /> (each is fed by the next). Check that each
          feed runs the way the catalog says.
        </Alert>
      )}
      <FactList>
        <Fact label="Owner">
          <EntityRefLinks
            entityRefs={[fullRef(spec.owner, 'group')]}
            defaultKind="group"
          />
        </Fact>
        <Fact label="Steward">
          {spec.steward ? (
            <EntityRefLinks
              entityRefs={[fullRef(spec.steward, 'user')]}
              defaultKind="user"
            />
          ) : (
            'None named'
          )}
        </Fact>
        <Fact label="District">
          <EntityRefLinks
            entityRefs={[fullRef(spec.district, 'group')]}
            defaultKind="group"
          />
        </Fact>
        <Fact label="Vendor and product">
          {[spec.vendor, spec.product].filter(Boolean).join(', ') ||
            'Not recorded'}
        </Fact>
        <Fact label="Type">
          {TYPE_LABELS[spec.type] ?? spec.type}, category{' '}
          {(CATEGORY_LABELS[spec.category] ?? spec.category).toLocaleLowerCase(
            'en-US',
          )}
        </Fact>
        <Fact label="Lifecycle">
          <Lifecycle lifecycle={spec.lifecycle} />
        </Fact>
        <Fact label="Getting data out">
          <Access access={spec.access} />
        </Fact>
        <Fact label="Linkable by student ID">
          {spec.linkableByStudentId
            ? 'Yes, records carry the student ID'
            : 'No, records cannot be matched to students by ID'}
        </Fact>
        <Fact label="Grades">{grades || 'None recorded'}</Fact>
        <Fact label="School years">
          {compactYears(years) || 'None recorded'}
        </Fact>
        <Fact label="Privacy">
          {PRIVACY_LABELS[spec.privacy] ?? spec.privacy}
        </Fact>
      </FactList>
    </InfoCard>
  );
}

function Lifecycle(props: {
  lifecycle: DataSourceEntityV1alpha1['spec']['lifecycle'];
}) {
  const classes = useStyles();
  const words = LIFECYCLE_LABELS[props.lifecycle] ?? props.lifecycle;

  if (props.lifecycle === 'deprecated' || props.lifecycle === 'retired') {
    return (
      <span className={classes.flagged}>
        <WarningIcon fontSize="small" aria-hidden />
        {words}
      </span>
    );
  }
  return <>{words}</>;
}

function Access(props: { access: DataSourceEntityV1alpha1['spec']['access'] }) {
  const classes = useStyles();
  const { method, frequency, note } = props.access;
  const how = ACCESS_METHOD_LABELS[method] ?? method;

  return (
    <>
      {method === 'none'
        ? how
        : `${how}, ${FREQUENCY_LABELS[frequency] ?? frequency}`}
      {note && <span className={classes.note}>{note}</span>}
    </>
  );
}

/** The annotation's ` -> `-joined references, as links. */
function CyclePath(props: { cycle: string }) {
  const refs = props.cycle
    .split('->')
    .map(ref => ref.trim())
    .filter(Boolean);

  return (
    <>
      {refs.map((ref, i) => (
        <Fragment key={`${i}:${ref}`}>
          {i > 0 && ' ← '}
          {isRef(ref) ? (
            <EntityRefLink
              entityRef={fullRef(ref, 'datasource')}
              defaultKind="datasource"
            />
          ) : (
            ref
          )}
        </Fragment>
      ))}
    </>
  );
}

function isRef(value: string): boolean {
  try {
    parseEntityRef(value, { defaultKind: 'datasource' });
    return true;
  } catch {
    return false;
  }
}
