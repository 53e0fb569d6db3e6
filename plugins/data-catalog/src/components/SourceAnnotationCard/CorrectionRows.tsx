import {
  Button,
  IconButton,
  makeStyles,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import { ElementCorrection } from '@internal/plugin-data-catalog-common';
import {
  CorrectionDraft,
  CorrectionProblems,
  newRowKey,
} from './annotationValues';

/** An element the source provides, as the correction select offers it. */
export interface ElementOption {
  ref: string;
  label: string;
}

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(12rem, 2fr) minmax(9rem, 1fr) minmax(12rem, 3fr) auto',
    gap: theme.spacing(1),
    alignItems: 'start',
    marginBottom: theme.spacing(1),
    [theme.breakpoints.down('sm')]: { gridTemplateColumns: '1fr' },
  },
  remove: { marginTop: theme.spacing(1) },
}));

/**
 * The corrections of the edit form: one row per element whose availability
 * the owner corrects, with a reason each.
 */
export function CorrectionRows(props: {
  idPrefix: string;
  rows: CorrectionDraft[];
  options: ElementOption[];
  problems: CorrectionProblems;
  disabled?: boolean;
  onChange: (rows: CorrectionDraft[]) => void;
}) {
  const classes = useStyles();
  const { idPrefix, rows, options, problems, disabled, onChange } = props;

  // A stored correction may name an element the YAML no longer lists; it
  // stays selectable so the owner can see and remove it.
  const known = new Set(options.map(option => option.ref));
  const extra = rows
    .filter(row => row.element && !known.has(row.element))
    .map(row => ({
      ref: row.element,
      label: `${row.element} (no longer provided)`,
    }));
  const choices = [...options, ...extra];

  const update = (key: number, change: Partial<CorrectionDraft>) =>
    onChange(rows.map(row => (row.key === key ? { ...row, ...change } : row)));

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography component="legend" variant="subtitle2" gutterBottom>
        Availability corrections
      </Typography>
      {rows.length === 0 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          None. Add one when an element the YAML lists is in fact only partly
          usable or unusable.
        </Typography>
      )}
      {rows.map((row, i) => {
        const number = i + 1;
        const problem = problems[row.key] ?? {};
        return (
          <div key={row.key} className={classes.row}>
            <TextField
              select
              id={`${idPrefix}-${row.key}-element`}
              label={`Element of correction ${number}`}
              value={row.element}
              onChange={e => update(row.key, { element: e.target.value })}
              error={Boolean(problem.element)}
              helperText={problem.element}
              disabled={disabled}
              variant="outlined"
              size="small"
              required
            >
              {choices.map(option => (
                <MenuItem key={option.ref} value={option.ref}>
                  {option.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              id={`${idPrefix}-${row.key}-status`}
              label={`Status of correction ${number}`}
              value={row.status}
              onChange={e =>
                update(row.key, {
                  status: e.target.value as ElementCorrection['status'],
                })
              }
              disabled={disabled}
              variant="outlined"
              size="small"
            >
              <MenuItem value="partial">Partial</MenuItem>
              <MenuItem value="unusable">Unusable</MenuItem>
            </TextField>
            <TextField
              id={`${idPrefix}-${row.key}-reason`}
              label={`Reason for correction ${number}`}
              value={row.reason}
              onChange={e => update(row.key, { reason: e.target.value })}
              error={Boolean(problem.reason)}
              helperText={problem.reason}
              disabled={disabled}
              variant="outlined"
              size="small"
              inputProps={{ maxLength: 1000 }}
              required
            />
            <IconButton
              className={classes.remove}
              size="small"
              aria-label={`Remove correction ${number}`}
              disabled={disabled}
              onClick={() => onChange(rows.filter(r => r.key !== row.key))}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </div>
        );
      })}
      <Button
        size="small"
        startIcon={<AddIcon />}
        disabled={disabled}
        onClick={() =>
          onChange([
            ...rows,
            { key: newRowKey(), element: '', status: 'unusable', reason: '' },
          ])
        }
      >
        Add a correction
      </Button>
    </fieldset>
  );
}
