import { CompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import {
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  DataElementEntityV1alpha1,
  isDataElementEntity,
  RELATION_ELEMENT_PROVIDED_BY,
  RELATION_ELEMENT_REQUIRED_BY,
} from '@internal/plugin-data-catalog-common';
import { makeStyles, Typography } from '@material-ui/core';
import { domainLabel } from '../ElementComparisonPage/comparisonModel';
import { PRIVACY_LABELS } from '../DataSourceOverviewCard/labels';
import { Fact, FactList } from '../FactList';
import { GRAIN_LABELS, VALUE_TYPE_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  definition: { marginBottom: theme.spacing(2), overflowWrap: 'anywhere' },
  code: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
  note: { display: 'block', color: theme.palette.text.secondary },
}));

/**
 * What one entry of the shared vocabulary means and how it is kept: its
 * definition, the shape of a value, how sensitive it is, where it sits in
 * CEDS and Ed-Fi, and which indicators need it and which sources hold it.
 */
export function DataElementOverviewCard() {
  const { entity } = useEntity();

  if (!isDataElementEntity(entity)) {
    return (
      <InfoCard title="Data element">
        <Typography>
          This card describes data elements; {entity.kind}{' '}
          {entity.metadata.name} is not one.
        </Typography>
      </InfoCard>
    );
  }
  return <Overview entity={entity} />;
}

function Overview(props: { entity: DataElementEntityV1alpha1 }) {
  const classes = useStyles();
  const { entity } = props;
  const { spec } = entity;
  const indicators = related(entity, RELATION_ELEMENT_REQUIRED_BY);
  const sources = related(entity, RELATION_ELEMENT_PROVIDED_BY);

  return (
    <InfoCard title="Data element overview">
      <Typography className={classes.definition}>{spec.definition}</Typography>
      <FactList>
        <Fact label="Owner">
          <EntityRefLinks entityRefs={[spec.owner]} defaultKind="group" />
        </Fact>
        <Fact label="Domain">{domainLabel(spec.domain)}</Fact>
        <Fact label="Grain">{GRAIN_LABELS[spec.grain] ?? spec.grain}</Fact>
        <Fact label="Value type">
          {VALUE_TYPE_LABELS[spec.valueType] ?? spec.valueType}
          {spec.codes && spec.codes.length > 0 && (
            <span className={classes.note}>
              One of: {spec.codes.join(', ')}
            </span>
          )}
        </Fact>
        <Fact label="Privacy">
          {PRIVACY_LABELS[spec.privacy] ?? spec.privacy}
        </Fact>
        <Fact label="Subgroup">
          {spec.subgroup
            ? 'Yes: indicators are broken down by it to compare student groups'
            : 'No, indicators are not broken down by it'}
        </Fact>
        <Fact label="CEDS">
          <Ceds ceds={spec.ceds} />
        </Fact>
        <Fact label="Ed-Fi">
          <EdFi edFi={spec.edFi} />
        </Fact>
        <Fact label={`Needed by (${indicators.length})`} wide>
          {indicators.length > 0 ? (
            <>
              <EntityRefLinks entityRefs={indicators} defaultKind="indicator" />
              <span className={classes.note}>
                Indicators that need it to be computed or broken down.
              </span>
            </>
          ) : (
            'No indicator needs it yet'
          )}
        </Fact>
        <Fact label={`Provided by (${sources.length})`} wide>
          {sources.length > 0 ? (
            <EntityRefLinks entityRefs={sources} defaultKind="datasource" />
          ) : (
            'No source in the catalog provides it yet'
          )}
        </Fact>
      </FactList>
    </InfoCard>
  );
}

function Ceds(props: { ceds: DataElementEntityV1alpha1['spec']['ceds'] }) {
  const classes = useStyles();
  const { ceds } = props;

  if (!ceds) {
    return <>Not mapped</>;
  }
  return (
    <>
      <span className={classes.code}>{ceds.id}</span>
      {ceds.name && `, ${ceds.name}`}
    </>
  );
}

function EdFi(props: { edFi: DataElementEntityV1alpha1['spec']['edFi'] }) {
  const classes = useStyles();
  const { edFi } = props;

  if (!edFi) {
    return <>Not mapped</>;
  }
  const path = [edFi.resource, edFi.property].filter(Boolean).join('.');
  return (
    <>
      <span className={classes.code}>{path}</span>
      {edFi.descriptor && (
        <span className={classes.note}>
          Coded by the descriptor{' '}
          <span className={classes.code}>{edFi.descriptor}</span>
        </span>
      )}
    </>
  );
}

/** The entities at the other end of one relation, by name. */
function related(
  entity: DataElementEntityV1alpha1,
  relation: string,
): CompoundEntityRef[] {
  return getEntityRelations(entity, relation).sort((a, b) =>
    a.name.localeCompare(b.name, 'en-US'),
  );
}
