import { ChangeEvent, ReactNode, Ref, useId } from 'react';
import { Button, makeStyles, TextField } from '@material-ui/core';
import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorStatus,
} from '@internal/plugin-data-catalog-common';
import { STATUS_LABELS } from '../StatusChip';
import {
  CONSTRUCT_LABELS,
  GapFilters,
  STAGE_LABELS,
  SubgroupOption,
} from './gapView';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))',
    gap: theme.spacing(2),
    alignItems: 'end',
  },
}));

const STATUSES = Object.keys(STATUS_LABELS) as IndicatorStatus[];

/** Props of {@link GapFilterBar}. */
export interface GapFilterBarProps {
  filters: GapFilters;
  onChange: (filters: GapFilters) => void;
  subgroups: SubgroupOption[];
  /** The search field, for the page to move focus to. */
  searchRef?: Ref<HTMLInputElement>;
}

/** Labelled controls that narrow the gap view. */
export function GapFilterBar(props: GapFilterBarProps) {
  const classes = useStyles();
  const { filters, onChange, subgroups } = props;
  const active = Object.values(filters).some(Boolean);
  const searchId = useId();

  const set =
    (field: keyof GapFilters) => (event: ChangeEvent<{ value: unknown }>) =>
      onChange({
        ...filters,
        [field]: String(event.target.value) || undefined,
      });

  return (
    <div className={classes.bar} role="search" aria-label="Filter indicators">
      <TextField
        id={searchId}
        label="Search indicators"
        type="search"
        size="small"
        variant="outlined"
        value={filters.search ?? ''}
        onChange={set('search')}
        inputRef={props.searchRef}
      />
      <NativeSelect label="Stage" value={filters.stage} onChange={set('stage')}>
        <option value="">All stages</option>
        {INDICATOR_STAGES.map(stage => (
          <option key={stage} value={stage}>
            {STAGE_LABELS[stage]}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label="Construct"
        value={filters.construct}
        onChange={set('construct')}
      >
        <option value="">All constructs</option>
        {INDICATOR_CONSTRUCTS.map(construct => (
          <option key={construct} value={construct}>
            {CONSTRUCT_LABELS[construct]}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label="Status"
        value={filters.status}
        onChange={set('status')}
      >
        <option value="">All statuses</option>
        {STATUSES.map(status => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label="Cannot be broken down by"
        value={filters.subgroup}
        onChange={set('subgroup')}
        disabled={subgroups.length === 0}
      >
        <option value="">Any subgroup</option>
        {subgroups.map(subgroup => (
          <option key={subgroup.element} value={subgroup.element}>
            {subgroup.title}
          </option>
        ))}
      </NativeSelect>
      <div>
        <Button onClick={() => onChange({})} disabled={!active}>
          Clear filters
        </Button>
      </div>
    </div>
  );
}

function NativeSelect(props: {
  label: string;
  value?: string;
  onChange: (event: ChangeEvent<{ value: unknown }>) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      label={props.label}
      value={props.value ?? ''}
      onChange={props.onChange}
      disabled={props.disabled}
      size="small"
      variant="outlined"
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.children}
    </TextField>
  );
}
