import { ChangeEvent, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ELEMENT_DOMAINS } from '@internal/plugin-data-catalog-common';
import {
  Button,
  Checkbox,
  FormControlLabel,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import { alpha } from '@material-ui/core/styles';
import { Autocomplete } from '@material-ui/lab';
import GetAppIcon from '@material-ui/icons/GetApp';
import ShareIcon from '@material-ui/icons/Share';
import { dataCatalogApiRef, ElementComparison } from '../../api';
import { downloadCsv } from '../../lib/csv';
import { entityPath } from '../../lib/names';
import {
  ALIKE_TEXT,
  Comparison,
  comparisonCsvRows,
  ComparisonFilter,
  DOMAIN_LABELS,
  domainLabel,
  filterElements,
  sortDistricts,
} from './comparisonModel';
import { HoldingList } from './HoldingList';

// More district columns than this make the table too wide to read; leaders
// pick the neighbours they want to compare instead.
const DEFAULT_DISTRICT_COLUMNS = 12;

const useStyles = makeStyles(theme => {
  const alikeTint = alpha(theme.palette.info.main, 0.1);
  return {
    toolbar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'flex-end',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    field: {
      minWidth: 220,
    },
    spacer: {
      flexGrow: 1,
    },
    districts: {
      marginBottom: theme.spacing(2),
    },
    container: {
      maxHeight: '70vh',
    },
    cell: {
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
      minWidth: 160,
    },
    element: {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      minWidth: 220,
      maxWidth: 320,
      backgroundColor: theme.palette.background.paper,
      borderRight: `1px solid ${theme.palette.divider}`,
    },
    elementHead: {
      left: 0,
      zIndex: 3,
      borderRight: `1px solid ${theme.palette.divider}`,
    },
    count: {
      minWidth: 120,
      maxWidth: 180,
    },
    alike: {
      '& > td, & > th': {
        // Opaque, so that the sticky column hides what scrolls beneath it.
        backgroundColor: theme.palette.background.paper,
        backgroundImage: `linear-gradient(${alikeTint}, ${alikeTint})`,
      },
      '& > th': {
        boxShadow: `inset 4px 0 0 ${theme.palette.info.main}`,
      },
    },
    alikeText: {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      marginTop: theme.spacing(0.5),
      color: theme.palette.info.dark,
      fontWeight: theme.typography.fontWeightMedium as number,
    },
  };
});

// A link to the element's entity page, or its title alone when its
// reference cannot be read.
function ElementTitle(props: { item: ElementComparison }) {
  let path: string | undefined;
  try {
    path = entityPath(props.item.ref);
  } catch {
    path = undefined;
  }
  return path ? (
    <Link to={path}>{props.item.title}</Link>
  ) : (
    <>{props.item.title}</>
  );
}

function ComparisonTable(props: {
  items: ElementComparison[];
  districts: Comparison['districts'];
  total: number;
}) {
  const { items, districts, total } = props;
  const classes = useStyles();

  return (
    <TableContainer className={classes.container}>
      <Table stickyHeader size="small" aria-label="Data elements by district">
        <TableHead>
          <TableRow>
            <TableCell className={`${classes.cell} ${classes.elementHead}`}>
              Data element
            </TableCell>
            <TableCell className={`${classes.cell} ${classes.count}`}>
              Districts holding
            </TableCell>
            {districts.map(district => (
              <TableCell key={district.ref} className={classes.cell}>
                {district.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.length === 0 && (
            <TableRow>
              <TableCell colSpan={2 + districts.length}>
                No element matches these filters.
              </TableCell>
            </TableRow>
          )}
          {items.map(item => (
            <TableRow
              key={item.ref}
              className={item.alike ? classes.alike : undefined}
            >
              <TableCell
                component="th"
                scope="row"
                // Table cells given a component are otherwise role="cell".
                role="rowheader"
                className={`${classes.cell} ${classes.element}`}
              >
                <ElementTitle item={item} />
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {[
                    domainLabel(item.domain),
                    item.cedsId && `CEDS ${item.cedsId}`,
                    item.subgroup && 'Subgroup attribute',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
                {item.alike && (
                  <Typography variant="caption" className={classes.alikeText}>
                    <ShareIcon fontSize="inherit" aria-hidden />
                    {ALIKE_TEXT}
                  </Typography>
                )}
              </TableCell>
              <TableCell className={`${classes.cell} ${classes.count}`}>
                <Typography variant="body2">
                  {item.districtCount} of {total}
                </Typography>
                {item.vendors.length > 0 && (
                  <Typography variant="caption" color="textSecondary">
                    from {item.vendors.join(', ')}
                  </Typography>
                )}
              </TableCell>
              {districts.map(district => (
                <TableCell key={district.ref} className={classes.cell}>
                  <HoldingList holdings={item.districts[district.ref] ?? []} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The comparison with its filters, district choice and download. */
function ComparisonView(props: { comparison: Comparison }) {
  const { comparison } = props;
  const classes = useStyles();
  const allDistricts = useMemo(
    () => sortDistricts(comparison.districts),
    [comparison],
  );
  const [shown, setShown] = useState(() =>
    allDistricts.slice(0, DEFAULT_DISTRICT_COLUMNS),
  );
  const [filter, setFilter] = useState<ComparisonFilter>({
    domain: 'all',
    subgroupOnly: false,
    lackingOnly: false,
    search: '',
  });

  const total = comparison.districts.length;
  const items = useMemo(
    () => filterElements(comparison, filter),
    [comparison, filter],
  );
  const check =
    (key: 'subgroupOnly' | 'lackingOnly') =>
    (event: ChangeEvent<HTMLInputElement>) =>
      setFilter(f => ({ ...f, [key]: event.target.checked }));

  return (
    <InfoCard
      title="Data elements across districts"
      subheader={`${items.length} of ${comparison.items.length} elements, ${shown.length} of ${total} districts shown. Rows marked “${ALIKE_TEXT}” could be combined or shared across the region.`}
    >
      <div className={classes.toolbar}>
        <TextField
          id="element-comparison-search"
          className={classes.field}
          label="Find an element"
          helperText="By title or CEDS ID"
          value={filter.search}
          onChange={event =>
            setFilter(f => ({ ...f, search: event.target.value }))
          }
        />
        <TextField
          id="element-comparison-domain"
          select
          className={classes.field}
          label="Domain"
          helperText=" "
          value={filter.domain}
          onChange={event =>
            setFilter(f => ({
              ...f,
              domain: event.target.value as ComparisonFilter['domain'],
            }))
          }
          SelectProps={{ native: true }}
        >
          <option value="all">All domains</option>
          {ELEMENT_DOMAINS.map(domain => (
            <option key={domain} value={domain}>
              {DOMAIN_LABELS[domain]}
            </option>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Checkbox
              checked={filter.subgroupOnly}
              onChange={check('subgroupOnly')}
            />
          }
          label="Subgroup elements only"
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={filter.lackingOnly}
              onChange={check('lackingOnly')}
            />
          }
          label="Only elements some districts lack"
          title="Held in at least one district and missing in another: gaps a neighbour has already closed"
        />
        <span className={classes.spacer} />
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={items.length === 0}
          onClick={() =>
            downloadCsv(
              'element-comparison.csv',
              comparisonCsvRows(allDistricts, items, total),
            )
          }
          title="The elements shown, with a column for every district"
        >
          Download CSV
        </Button>
      </div>
      <Autocomplete
        multiple
        className={classes.districts}
        options={allDistricts}
        value={shown}
        onChange={(_event, value) => setShown(sortDistricts(value))}
        getOptionLabel={district => district.title}
        getOptionSelected={(option, value) => option.ref === value.ref}
        filterSelectedOptions
        limitTags={8}
        renderInput={params => (
          <TextField
            {...params}
            id="element-comparison-districts"
            label="Districts compared"
            helperText={
              total > DEFAULT_DISTRICT_COLUMNS
                ? `The first ${DEFAULT_DISTRICT_COLUMNS} by name are shown at first; choose the neighbours to compare.`
                : undefined
            }
          />
        )}
      />
      <ComparisonTable items={items} districts={shown} total={total} />
    </InfoCard>
  );
}

/**
 * Districts side by side, element by element: which source and vendor holds
 * each data element where, which elements are alike across the region, and
 * which gaps a neighbouring district has already closed.
 */
export function ElementComparisonPage() {
  const api = useApi(dataCatalogApiRef);
  const { value, loading, error } = useAsync(
    () => api.compareElements(),
    [api],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.districts.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No districts in the catalog yet"
        description="Register each member district as a Group entity of type district under the BOCES group, with the DataSource entities that hold its student data. Their data elements can then be compared."
      />
    );
  }
  if (value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No data elements in the catalog yet"
        description="Add DataElement entities for the shared vocabulary (attendance, assessment scores, subgroup flags, ...) and list the ones each DataSource holds under its spec.provides. The comparison then shows who holds what."
      />
    );
  }

  return <ComparisonView comparison={value} />;
}
