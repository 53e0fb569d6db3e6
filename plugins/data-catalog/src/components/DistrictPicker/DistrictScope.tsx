import { ReactNode } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { Box, makeStyles, Typography } from '@material-ui/core';
import { District } from '../../api';
import { DistrictPicker, isDistrictNamed } from './DistrictPicker';
import { useDistrictParam, useDistricts } from './useDistricts';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(3),
  },
  example: {
    margin: theme.spacing(1, 0, 0),
    padding: theme.spacing(1, 2),
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    fontFamily: 'monospace',
    whiteSpace: 'pre',
    overflowX: 'auto',
  },
}));

const GROUP_EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: gananda
  title: Gananda Central School District
spec:
  type: district
  parent: wayne-finger-lakes-boces
  children: []`;

/** Props of {@link DistrictScope}. */
export interface DistrictScopeProps {
  /** What the page shows for a district, to finish "Pick a district to ...". */
  purpose: string;
  /** The page for the chosen district. */
  children: (district: District) => ReactNode;
}

/**
 * The district picker of a page, bound to the URL query `?district=`, with
 * what to do when there is no district to show: none in the catalog, none
 * chosen, or one the catalog does not know.
 */
export function DistrictScope(props: DistrictScopeProps) {
  const classes = useStyles();
  const [name, setName] = useDistrictParam();
  const { value, loading, error } = useDistricts();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not list districts" />
    );
  }

  const districts = value?.items ?? [];
  if (districts.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="The catalog has no district groups yet"
        description={
          <>
            <Typography variant="body1">
              A district is a Group entity with <code>spec.type: district</code>
              , usually under the BOCES group. Add one to the catalog, for
              example in a catalog-info.yaml file; it appears here once the data
              catalog next reads the catalog.
            </Typography>
            <pre className={classes.example}>{GROUP_EXAMPLE}</pre>
          </>
        }
      />
    );
  }

  const district = name
    ? districts.find(d => isDistrictNamed(d, name))
    : undefined;

  let body: ReactNode;
  if (!name) {
    body = (
      <EmptyState
        missing="info"
        title="Pick a district"
        description={`Choose a district above to ${props.purpose}.`}
      />
    );
  } else if (!district) {
    body = (
      <WarningPanel
        title={`No district named "${name}" in the catalog`}
        message="The link may be old, or the district was renamed: pick a district above. A portal that has just started may still be reading the catalog; then the district appears within a minute or two."
        defaultExpanded
      />
    );
  } else {
    body = props.children(district);
  }

  return (
    <>
      <Box className={classes.bar}>
        <DistrictPicker
          value={district?.name}
          onChange={setName}
          districts={districts}
        />
      </Box>
      {body}
    </>
  );
}
