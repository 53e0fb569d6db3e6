import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import {
  EntityRefLink,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { isDataSourceEntity } from '@internal/plugin-data-catalog-common';
import { makeStyles, Typography } from '@material-ui/core';
import { useMemo } from 'react';
import { ElementRow, elementRows } from './elementRows';

const useStyles = makeStyles(theme => ({
  field: {
    fontFamily: 'monospace',
    overflowWrap: 'break-word',
  },
  narrowed: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  note: {
    color: theme.palette.text.secondary,
    overflowWrap: 'break-word',
    maxWidth: '36em',
  },
}));

// Sources hold up to a few hundred elements; pages keep the table usable.
const PAGE_SIZES = [20, 50, 100, 200];

/** The data elements a source provides, under its own field names. */
export function ProvidedElementsCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const rows = useMemo(
    () => (isDataSourceEntity(entity) ? elementRows(entity.spec) : []),
    [entity],
  );

  if (rows.length === 0) {
    return (
      <InfoCard title="Data elements provided">
        <Typography>
          This source lists no data elements yet. Add each one under{' '}
          <code>spec.provides</code> in its catalog-info YAML, with the
          source&apos;s own field name, so the gap view can count on it.
        </Typography>
      </InfoCard>
    );
  }

  // Four visible columns fit the entity page's content column at 1280
  // pixels: the note sits under the element it explains.
  const columns: TableColumn<ElementRow>[] = [
    {
      title: 'Element',
      field: 'name',
      highlight: true,
      defaultSort: 'asc',
      render: row => (
        <>
          <ElementLink row={row} />
          {row.note && (
            <Typography variant="body2" className={classes.note}>
              {row.note}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Field in this source',
      field: 'field',
      render: row => <span className={classes.field}>{row.field}</span>,
    },
    {
      title: 'Status',
      field: 'statusLabel',
      customSort: (a, b) => a.statusOrder - b.statusOrder,
    },
    {
      title: 'Coverage',
      field: 'grades',
      customSort: (a, b) => a.gradeOrder - b.gradeOrder,
      render: row => (
        <>
          {row.grades ? `Grades ${row.grades}` : 'No grades'}
          <span className={classes.narrowed}>{row.years}</span>
          {row.narrowed && (
            <span className={classes.narrowed}>narrower than the source</span>
          )}
        </>
      ),
    },
    // Hidden, but searched: the table's filter finds words in the notes.
    { title: 'Note', field: 'note', hidden: true, searchable: true },
  ];

  return (
    <Table<ElementRow>
      title={`Data elements provided (${rows.length})`}
      columns={columns}
      data={rows}
      options={{
        search: true,
        sorting: true,
        paging: rows.length > PAGE_SIZES[0],
        pageSize: PAGE_SIZES[0],
        pageSizeOptions: PAGE_SIZES,
        padding: 'dense',
      }}
    />
  );
}

// The element's title once the catalog has it, its name until then; a
// reference the catalog cannot parse is shown as written.
function ElementLink(props: { row: ElementRow }) {
  const entityLink = useEntityRefLink();
  try {
    entityLink(props.row.ref);
  } catch {
    return <>{props.row.name}</>;
  }
  return <EntityRefLink entityRef={props.row.ref} defaultKind="dataelement" />;
}
