import { useApi } from '@backstage/core-plugin-api';
import { Annotation } from '@internal/plugin-data-catalog-common';
import { Button, makeStyles, MenuItem, TextField } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { FormEvent, useId, useState } from 'react';
import { dataCatalogApiRef } from '../../api';
import {
  errorMessage,
  FormValues,
  formValues,
  isConflict,
  RATING_LABELS,
  toWrite,
  validate,
} from './annotationValues';
import { AnnotationConflictPanel } from './AnnotationConflictPanel';
import { CorrectionRows, ElementOption } from './CorrectionRows';
import { studentRecordIn } from './studentRecordCheck';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  pair: {
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  actions: { display: 'flex', gap: theme.spacing(1) },
}));

/**
 * Edits a source's annotation. A save sends the version it started from;
 * when someone else saved in between, the latest is loaded and shown beside
 * the user's values rather than overwritten silently.
 */
export function AnnotationForm(props: {
  sourceRef: string;
  annotation: Annotation;
  options: ElementOption[];
  nameOf: (ref: string) => string;
  onSaved: (saved: Annotation) => void;
  onLatest: (latest: Annotation) => void;
  onCancel: () => void;
}) {
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const id = useId();
  const [values, setValues] = useState<FormValues>(() =>
    formValues(props.annotation),
  );
  const [version, setVersion] = useState(props.annotation.version);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [latest, setLatest] = useState<Annotation>();
  const [checked, setChecked] = useState(false);

  const problems = validate(values);
  const shownProblems = checked ? problems : {};

  const change = (next: Partial<FormValues>) =>
    setValues(current => ({ ...current, ...next }));

  async function save(atVersion: number) {
    setChecked(true);
    if (Object.keys(problems).length > 0) {
      setError('Fix the marked corrections first; nothing was saved.');
      return;
    }
    const studentRecord = studentRecordIn(values);
    if (studentRecord) {
      setError(studentRecord);
      return;
    }

    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.putSourceAnnotation(
        props.sourceRef,
        toWrite(values, atVersion),
      );
      setSaving(false);
      props.onSaved(saved);
    } catch (e) {
      if (isConflict(e)) {
        await reloadAfterConflict();
      } else {
        setError(errorMessage(e));
      }
      setSaving(false);
    }
  }

  async function reloadAfterConflict() {
    try {
      const current = await api.getSourceAnnotation(props.sourceRef);
      setLatest(current);
      setVersion(current.version);
      props.onLatest(current);
    } catch (e) {
      setError(
        `Someone else changed these notes, and their version could not be loaded: ${errorMessage(
          e,
        )}`,
      );
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(version);
  };

  return (
    <form className={classes.form} onSubmit={onSubmit} noValidate>
      {latest && (
        <AnnotationConflictPanel
          latest={latest}
          mine={values}
          nameOf={props.nameOf}
          saving={saving}
          onApplyMine={() => save(latest.version)}
          onUseLatest={() => {
            setValues(formValues(latest));
            setLatest(undefined);
            setError(undefined);
          }}
        />
      )}
      <TextField
        id={`${id}-notes`}
        label="Notes"
        helperText="What the YAML does not say: known problems, who to ask, how the data are checked"
        value={values.notes}
        onChange={e => change({ notes: e.target.value })}
        multiline
        minRows={3}
        variant="outlined"
        inputProps={{ maxLength: 5000 }}
        disabled={saving}
      />
      <div className={classes.pair}>
        <TextField
          id={`${id}-verified`}
          label="Last verified"
          type="date"
          value={values.lastVerified}
          onChange={e => change({ lastVerified: e.target.value })}
          InputLabelProps={{ shrink: true }}
          variant="outlined"
          size="small"
          disabled={saving}
        />
        <TextField
          id={`${id}-rating`}
          select
          label="Quality rating"
          value={values.qualityRating}
          onChange={e => change({ qualityRating: e.target.value })}
          variant="outlined"
          size="small"
          style={{ minWidth: '14rem' }}
          disabled={saving}
        >
          <MenuItem value="">Not rated</MenuItem>
          {[1, 2, 3, 4, 5].map(rating => (
            <MenuItem key={rating} value={String(rating)}>
              {rating}: {RATING_LABELS[rating]}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <CorrectionRows
        idPrefix={`${id}-correction`}
        rows={values.corrections}
        options={props.options}
        problems={shownProblems}
        disabled={saving}
        onChange={corrections => change({ corrections })}
      />
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <div className={classes.actions}>
        {!latest && (
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save'}
          </Button>
        )}
        <Button onClick={props.onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
