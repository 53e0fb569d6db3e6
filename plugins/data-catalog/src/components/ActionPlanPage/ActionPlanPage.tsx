import {
  ChangeEvent,
  ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  EmptyState,
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import { makeStyles, TextField, Typography } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import Alert from '@material-ui/lab/Alert';
import {
  ACTION_STATUSES,
  ActionStatus,
} from '@internal/plugin-data-catalog-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  ActionItem,
  dataCatalogApiRef,
  District,
  WriteAccess,
} from '../../api';
import { formatTime } from '../../lib/formatTime';
import { entityPath, nameOf } from '../../lib/names';
import { rootRouteRef } from '../../routes';
import { DistrictScope } from '../DistrictPicker';
import { ActionConflictPanel, StatusConflict } from './ActionConflictPanel';
import { ACTION_STATUS_LABELS } from './labels';
import { readableError } from './writeErrors';

/** Today in the reader's time zone, `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/** Whether an item is past its due date and still open. */
export function isOverdue(item: ActionItem, day: string): boolean {
  return (
    item.dueDate < day && item.status !== 'done' && item.status !== 'dropped'
  );
}

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(2, 0),
  },
  filter: {
    minWidth: '12rem',
  },
  notes: {
    display: 'grid',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  wrap: {
    overflowWrap: 'anywhere',
  },
  overdue: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  due: {
    whiteSpace: 'nowrap',
  },
  secondary: {
    color: theme.palette.text.secondary,
  },
}));

/**
 * A district's action plan: the steps planned to close its gaps, who owns
 * them, when they are due and how far they are, with the status editable
 * in place by those who may write.
 */
export function ActionPlanPage() {
  return (
    <DistrictScope purpose="follow its action plan">
      {district => <ActionPlan key={district.ref} district={district} />}
    </DistrictScope>
  );
}

interface Row {
  item: ActionItem;
  indicatorTitle: string;
  elementTitle: string;
  ownerName: string;
  overdue: boolean;
}

function ActionPlan(props: { district: District }) {
  const { district } = props;
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const alertApi = useApi(alertApiRef);
  const [{ value: loaded, loading, error }, reload] = useAsyncFn(
    () => api.listActionItems(district.name),
    [api, district.name],
    { loading: true },
  );
  // Titles are a nicety: without them the table shows entity names.
  const gaps = useAsync(
    () => api.getDistrictGaps(district.name),
    [api, district.name],
  );
  const access = useAsync(
    () => api.getWriteAccess(district.ref),
    [api, district.ref],
  );
  // Items saved since the list was loaded, until the next load replaces it.
  const [saved, setSaved] = useState<{
    of?: ActionItem[];
    byId: Record<string, ActionItem>;
  }>({ byId: {} });
  const [pending, setPending] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<StatusConflict>();
  const conflictRef = useRef<HTMLDivElement>(null);
  const [statusFilter, setStatusFilter] = useState<ActionStatus | ''>('');
  const [ownerFilter, setOwnerFilter] = useState('');

  useEffect(() => {
    reload();
  }, [reload]);

  // The panel opens above the table, possibly out of sight of the row that
  // was changed.
  useEffect(() => {
    conflictRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflict]);

  const items = useMemo(() => {
    const byId = saved.of === loaded ? saved.byId : {};
    return (loaded ?? []).map(item => byId[item.id] ?? item);
  }, [loaded, saved]);

  const rows = useMemo((): Row[] => {
    const indicatorTitles = new Map<string, string>();
    const elementTitles = new Map<string, string>();
    for (const result of gaps.value?.results ?? []) {
      indicatorTitles.set(result.indicator, result.indicatorTitle);
      for (const element of result.elements) {
        elementTitles.set(element.element, element.elementTitle);
      }
    }
    const day = today();
    return items
      .filter(
        item =>
          (!statusFilter || item.status === statusFilter) &&
          (!ownerFilter || item.owner === ownerFilter),
      )
      .map(item => ({
        item,
        indicatorTitle:
          indicatorTitles.get(item.indicator) ?? nameOf(item.indicator),
        elementTitle: item.element
          ? elementTitles.get(item.element) ?? nameOf(item.element)
          : '',
        ownerName: nameOf(item.owner),
        overdue: isOverdue(item, day),
      }));
  }, [items, gaps.value, statusFilter, ownerFilter]);

  const owners = useMemo(
    () =>
      [...new Set(items.map(item => item.owner))].sort((a, b) =>
        nameOf(a).localeCompare(nameOf(b), 'en-US'),
      ),
    [items],
  );

  // Editing waits for the answer on write access; if that cannot be had,
  // the backend still refuses a write it does not allow.
  const mayWrite = access.value ? access.value.allowed : Boolean(access.error);

  // The list is read again to show what the item holds now; the reload
  // answers with the items, or with the error it met.
  const showConflict = async (
    seen: ActionItem,
    status: ActionStatus,
    message: string,
  ) => {
    const fresh = await reload();
    const latest = Array.isArray(fresh)
      ? fresh.find(candidate => candidate.id === seen.id)
      : undefined;
    if (latest) {
      setConflict({ latest, seen, status });
    } else {
      setConflict(undefined);
      setProblem(`Someone changed this item: ${message}`);
    }
  };

  const changeStatus = async (item: ActionItem, status: ActionStatus) => {
    setPending(item.id);
    setProblem(undefined);
    try {
      const updated = await api.updateActionItem(item.id, {
        version: item.version,
        status,
      });
      setSaved(current => ({
        of: loaded,
        byId: {
          ...(current.of === loaded ? current.byId : {}),
          [updated.id]: updated,
        },
      }));
      setConflict(current =>
        current?.latest.id === item.id ? undefined : current,
      );
      alertApi.post({
        message: `Marked "${item.step}" as ${ACTION_STATUS_LABELS[
          status
        ].toLocaleLowerCase('en-US')}`,
        severity: 'success',
        display: 'transient',
      });
    } catch (e) {
      const failure = readableError(e);
      if (failure.status === 409) {
        await showConflict(item, status, failure.message);
      } else if (failure.status === 403) {
        setProblem(failure.message);
      } else {
        setProblem(`The status was not saved: ${failure.message}`);
      }
    } finally {
      setPending(undefined);
    }
  };

  if (loading && !loaded) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title={`Could not load the action plan of ${district.title}`}
      />
    );
  }

  const notes = (
    <div className={classes.notes}>
      {access.value && !access.value.allowed && (
        <Alert severity="info">
          You can read this plan; only members of {writersOf(access.value)} can
          change it.
        </Alert>
      )}
      {access.error && (
        <WarningPanel
          title="Could not check whether you may change this plan"
          message={readableError(access.error).message}
        />
      )}
      {gaps.error && (
        <WarningPanel
          title="Indicator titles could not be loaded, so names are shown"
          message={readableError(gaps.error).message}
        />
      )}
      {problem && <WarningPanel severity="error" title={problem} />}
      {conflict && (
        <div ref={conflictRef}>
          <ActionConflictPanel
            conflict={conflict}
            saving={pending !== undefined}
            onApply={() => changeStatus(conflict.latest, conflict.status)}
            onDismiss={() => setConflict(undefined)}
          />
        </div>
      )}
    </div>
  );

  if (items.length === 0) {
    return (
      <>
        {notes}
        <EmptyState
          missing="content"
          title={`${district.title} has no action items yet`}
          description="Action items are created from the District gaps tab: find an indicator that is missing or partial and choose Plan an action. The items then appear here to follow until they are done."
          action={<GapsLink district={district} />}
        />
      </>
    );
  }

  const columns: TableColumn<Row>[] = [
    {
      title: 'Indicator',
      field: 'indicatorTitle',
      render: row => (
        <Link to={entityPath(row.item.indicator)} className={classes.wrap}>
          {row.indicatorTitle}
        </Link>
      ),
    },
    {
      title: 'Element',
      field: 'elementTitle',
      render: row =>
        row.elementTitle || (
          <span className={classes.secondary}>The whole indicator</span>
        ),
    },
    {
      title: 'Step',
      field: 'item.step',
      width: '30%',
      cellStyle: { overflowWrap: 'anywhere', minWidth: '14rem' },
    },
    {
      title: 'Owner',
      field: 'ownerName',
      render: row => (
        <Link to={entityPath(row.item.owner)}>{row.ownerName}</Link>
      ),
    },
    {
      title: 'Due',
      field: 'item.dueDate',
      defaultSort: 'asc',
      render: row => (
        <div className={classes.due}>
          {row.item.dueDate}
          {row.overdue && (
            <div className={classes.overdue}>
              <WarningIcon fontSize="small" aria-hidden />
              Overdue
            </div>
          )}
        </div>
      ),
    },
    {
      title: 'Status',
      field: 'item.status',
      render: row => (
        <StatusSelect
          item={row.item}
          disabled={!mayWrite || pending !== undefined}
          onChange={status => changeStatus(row.item, status)}
        />
      ),
    },
    {
      title: 'Last updated',
      field: 'item.updatedAt',
      render: row => (
        <>
          <Typography variant="body2">{nameOf(row.item.updatedBy)}</Typography>
          <Typography
            variant="caption"
            className={classes.secondary}
            title={formatTime(row.item.updatedAt)}
          >
            {formatDay(row.item.updatedAt)}
          </Typography>
        </>
      ),
    },
  ];

  return (
    <>
      {notes}
      <div
        className={classes.filters}
        role="search"
        aria-label="Filter action items"
      >
        <FilterSelect
          label="Status"
          value={statusFilter}
          onChange={value => setStatusFilter(value as ActionStatus | '')}
        >
          <option value="">All statuses</option>
          {ACTION_STATUSES.map(status => (
            <option key={status} value={status}>
              {ACTION_STATUS_LABELS[status]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label="Owner"
          value={ownerFilter}
          onChange={setOwnerFilter}
        >
          <option value="">Everyone</option>
          {owners.map(owner => (
            <option key={owner} value={owner}>
              {nameOf(owner)}
            </option>
          ))}
        </FilterSelect>
      </div>
      <Table<Row>
        title={`Action items (${rows.length} of ${items.length})`}
        columns={columns}
        data={rows}
        isLoading={loading}
        options={{
          search: false,
          paging: rows.length > 20,
          pageSize: 20,
          padding: 'dense',
        }}
        emptyContent={
          <Typography className={classes.wrap} style={{ padding: 16 }}>
            No action item matches these filters.
          </Typography>
        }
      />
    </>
  );
}

function writersOf(access: WriteAccess): string {
  if (access.writers.length === 0) {
    return 'a data team the district has not named yet';
  }
  return access.writers.map(nameOf).join(' or ');
}

function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });
}

function GapsLink(props: { district: District }) {
  const root = useRouteRef(rootRouteRef);
  const query = new URLSearchParams({ district: props.district.name });
  return (
    <LinkButton
      to={`${root()}/districts?${query}`}
      variant="outlined"
      color="primary"
    >
      Open the district's gaps
    </LinkButton>
  );
}

function StatusSelect(props: {
  item: ActionItem;
  disabled: boolean;
  onChange: (status: ActionStatus) => void;
}) {
  const { item } = props;
  return (
    <TextField
      select
      value={item.status}
      disabled={props.disabled}
      onChange={(event: ChangeEvent<{ value: unknown }>) => {
        const status = event.target.value as ActionStatus;
        if (status !== item.status) {
          props.onChange(status);
        }
      }}
      size="small"
      style={{ minWidth: '8.5rem' }}
      SelectProps={{ native: true }}
      inputProps={{ 'aria-label': `Status of ${item.step}` }}
    >
      {ACTION_STATUSES.map(status => (
        <option key={status} value={status}>
          {ACTION_STATUS_LABELS[status]}
        </option>
      ))}
    </TextField>
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const classes = useStyles();
  const id = useId();
  return (
    <TextField
      id={id}
      className={classes.filter}
      select
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(String(event.target.value))}
      size="small"
      variant="outlined"
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.children}
    </TextField>
  );
}
