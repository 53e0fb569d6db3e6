import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  DataSourceEntityV1alpha1,
  isDataSourceEntity,
} from '@internal/plugin-data-catalog-common';
import {
  Box,
  Button,
  Divider,
  makeStyles,
  Typography,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import { Fragment, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Annotation, dataCatalogApiRef, WriteAccess } from '../../api';
import { elementRef } from '../ProvidedElementsCard/elementRows';
import { AnnotationForm } from './AnnotationForm';
import { AnnotationHistory } from './AnnotationHistory';
import { AnnotationView } from './AnnotationView';
import { errorMessage } from './annotationValues';
import { ElementOption } from './CorrectionRows';

const HISTORY_LIMIT = 10;

const useStyles = makeStyles(theme => ({
  access: { marginTop: theme.spacing(2) },
  divider: { margin: theme.spacing(2, 0) },
}));

/**
 * Owners' notes on a data source, kept in the portal rather than YAML:
 * checks, quality, availability corrections and who changed them.
 */
export function SourceAnnotationCard() {
  const { entity } = useEntity();

  if (!isDataSourceEntity(entity)) {
    return (
      <InfoCard title="Owners' notes">
        <Typography>
          Owners&apos; notes are kept for data sources; {entity.kind}{' '}
          {entity.metadata.name} is not one.
        </Typography>
      </InfoCard>
    );
  }
  return <SourceAnnotation entity={entity} />;
}

function SourceAnnotation(props: { entity: DataSourceEntityV1alpha1 }) {
  const classes = useStyles();
  const { entity } = props;
  const api = useApi(dataCatalogApiRef);
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');

  const loaded = useAsyncRetry(() => api.getSourceAnnotation(ref), [api, ref]);
  const access = useAsync(() => api.getWriteAccess(ref), [api, ref]);
  const history = useAsyncRetry(
    () =>
      api.listHistory({
        subjectType: 'annotation',
        subjectId: `source:${ref}`,
        limit: HISTORY_LIMIT,
      }),
    [api, ref],
  );
  // The newest annotation known, from a save or a lost race, over the load.
  const [newer, setNewer] = useState<Annotation>();
  const [editing, setEditing] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);

  const { options, nameOf } = useMemo(() => elementChoices(entity), [entity]);

  const annotation =
    newer && (!loaded.value || newer.version >= loaded.value.version)
      ? newer
      : loaded.value;

  let body;
  if (loaded.error) {
    body = <ResponseErrorPanel error={loaded.error} />;
  } else if (!annotation) {
    body = <Progress />;
  } else if (editing) {
    body = (
      <AnnotationForm
        sourceRef={ref}
        annotation={annotation}
        options={options}
        nameOf={nameOf}
        onSaved={saved => {
          setNewer(saved);
          setEditing(false);
          setSavedNotice(true);
          history.retry();
        }}
        onLatest={latest => {
          setNewer(latest);
          history.retry();
        }}
        onCancel={() => setEditing(false)}
      />
    );
  } else {
    body = (
      <>
        {savedNotice && (
          <Typography role="status" variant="body2" paragraph>
            Saved.
          </Typography>
        )}
        <AnnotationView annotation={annotation} />
        <Box className={classes.access}>
          <Access
            access={access.value}
            loading={access.loading}
            error={access.error}
            onEdit={() => {
              setSavedNotice(false);
              setEditing(true);
            }}
          />
        </Box>
      </>
    );
  }

  return (
    <InfoCard title="Owners' notes">
      {body}
      <Divider className={classes.divider} />
      <AnnotationHistory
        entries={history.value}
        loading={history.loading}
        error={history.error}
        nameOf={nameOf}
      />
    </InfoCard>
  );
}

/** The edit button for writers; for others, who may write instead. */
function Access(props: {
  access?: WriteAccess;
  loading: boolean;
  error?: Error;
  onEdit: () => void;
}) {
  const { access, loading, error } = props;

  if (error) {
    return (
      <Typography variant="body2" color="error">
        Could not check whether you may change these notes:{' '}
        {errorMessage(error)}
      </Typography>
    );
  }
  if (loading || !access) {
    return null;
  }
  if (access.allowed) {
    return (
      <Button
        variant="outlined"
        color="primary"
        startIcon={<EditIcon />}
        onClick={props.onEdit}
      >
        Edit
      </Button>
    );
  }
  if (access.writers.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Read only: nobody can change this yet, as no owner or data team is set
        for this source.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="textSecondary">
      Read only. Only members of{' '}
      {access.writers.map((writer, i) => (
        <Fragment key={writer}>
          {i > 0 && ' or '}
          <EntityRefLink entityRef={writer} defaultKind="group" />
        </Fragment>
      ))}{' '}
      can change this.
    </Typography>
  );
}

/** The source's elements to pick from, and a short name for any element. */
function elementChoices(entity: DataSourceEntityV1alpha1): {
  options: ElementOption[];
  nameOf: (ref: string) => string;
} {
  const provides = entity.spec.provides ?? [];
  const nameOf = (value: string) => {
    const ref = elementRef(value);
    return ref.slice(ref.indexOf('/') + 1);
  };
  const byRef = new Map<string, ElementOption>();
  for (const provided of provides) {
    const ref = elementRef(provided.element);
    if (!byRef.has(ref)) {
      byRef.set(ref, { ref, label: `${nameOf(ref)} (${provided.field})` });
    }
  }
  const options = [...byRef.values()].sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return { options, nameOf };
}
