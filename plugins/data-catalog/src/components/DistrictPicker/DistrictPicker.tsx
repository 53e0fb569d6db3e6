import { ResponseErrorPanel } from '@backstage/core-components';
import { makeStyles, TextField, Tooltip } from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { District } from '../../api';
import { useDistricts } from './useDistricts';

/** Props of {@link DistrictPicker}. */
export interface DistrictPickerProps {
  /** The chosen district's name, or nothing. */
  value?: string;
  onChange: (name: string | undefined) => void;
  /** Districts to offer; loaded from the data catalog when left out. */
  districts?: District[];
  label?: string;
}

const useStyles = makeStyles(theme => ({
  root: {
    width: '100%',
    minWidth: 280,
    maxWidth: 520,
  },
  input: {
    textOverflow: 'ellipsis',
  },
  option: {
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  name: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

const collator = new Intl.Collator('en-US');

/** Whether a district is the one a URL or a prop names. */
export function isDistrictNamed(district: District, value: string): boolean {
  const wanted = value.toLocaleLowerCase('en-US');
  return district.name === wanted || district.ref === wanted;
}

/**
 * A labelled, searchable choice of one district. Long titles wrap in the
 * list; in the field they are cut short, with the whole title on hover.
 */
export function DistrictPicker(props: DistrictPickerProps) {
  if (props.districts) {
    return <DistrictSelect {...props} districts={props.districts} />;
  }
  return <LoadingDistrictPicker {...props} />;
}

function LoadingDistrictPicker(props: DistrictPickerProps) {
  const { value, loading, error } = useDistricts();

  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not list districts" />
    );
  }
  return (
    <DistrictSelect
      {...props}
      districts={value?.items ?? []}
      loading={loading}
    />
  );
}

function DistrictSelect(
  props: DistrictPickerProps & { districts: District[]; loading?: boolean },
) {
  const classes = useStyles();
  const { value, onChange, loading } = props;
  const options = [...props.districts].sort((a, b) =>
    collator.compare(a.title, b.title),
  );
  const selected = value
    ? options.find(d => isDistrictNamed(d, value)) ?? null
    : null;

  return (
    <Autocomplete<District>
      className={classes.root}
      options={options}
      value={selected}
      loading={loading}
      disabled={loading}
      autoHighlight
      onChange={(_event, district) => onChange(district?.name)}
      getOptionLabel={district => district.title}
      getOptionSelected={(option, current) => option.ref === current.ref}
      noOptionsText="No district has that name"
      renderOption={district => (
        <span className={classes.option}>
          {district.title}
          {district.title !== district.name && (
            <span className={classes.name}>{district.name}</span>
          )}
        </span>
      )}
      renderInput={params => (
        <Tooltip title={selected?.title ?? ''} placement="top-start">
          <TextField
            {...params}
            label={props.label ?? 'District'}
            variant="outlined"
            size="small"
            inputProps={{
              ...params.inputProps,
              className: `${
                (params.inputProps as { className?: string }).className ?? ''
              } ${classes.input}`,
            }}
          />
        </Tooltip>
      )}
    />
  );
}
