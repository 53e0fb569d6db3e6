import { FormEvent, useEffect, useId, useState } from 'react';
import { WarningPanel } from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  makeStyles,
  TextField,
} from '@material-ui/core';
import {
  checkForStudentRecords,
  IndicatorAvailability,
} from '@internal/plugin-data-catalog-common';
import { dataCatalogApiRef, District, NewActionItem } from '../../api';
import { nameOf } from '../../lib/names';
import { readableError } from '../ActionPlanPage/writeErrors';
import { STATUS_LABELS } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  fields: {
    display: 'grid',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
}));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Draft {
  step: string;
  owner: string;
  dueDate: string;
  element: string;
}

type Problems = Partial<Record<keyof Draft, string>>;

function check(draft: Draft): Problems {
  const problems: Problems = {};
  const studentRecord = checkForStudentRecords(draft.step);
  if (!draft.step.trim()) {
    problems.step = 'Say what is to be done';
  } else if (studentRecord) {
    // Said before sending; the backend refuses it with the same rule.
    problems.step = `This ${studentRecord}`;
  }
  if (!draft.owner.trim()) {
    problems.owner = 'Name who does it';
  }
  if (!draft.dueDate) {
    problems.dueDate = 'Choose a due date';
  } else if (
    !DAY.test(draft.dueDate) ||
    Number.isNaN(Date.parse(draft.dueDate))
  ) {
    problems.dueDate = 'Write the date as YYYY-MM-DD';
  }
  return problems;
}

/** Props of {@link PlanActionDialog}. */
export interface PlanActionDialogProps {
  district: District;
  /** The gap the action is to close. */
  result: IndicatorAvailability;
  onClose: () => void;
}

/**
 * A form for one step to close a gap: what, who, by when, and optionally
 * which element. A failed write keeps the form open with the backend's
 * message, so nothing typed is lost.
 */
export function PlanActionDialog(props: PlanActionDialogProps) {
  const { district, result, onClose } = props;
  const classes = useStyles();
  const api = useApi(dataCatalogApiRef);
  const identityApi = useApi(identityApiRef);
  const alertApi = useApi(alertApiRef);
  const [draft, setDraft] = useState<Draft>({
    step: '',
    owner: '',
    dueDate: '',
    element: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const fieldId = useId();

  // The signed-in user is the likeliest owner; a name typed meanwhile wins.
  useEffect(() => {
    let cancelled = false;
    identityApi.getBackstageIdentity().then(
      identity => {
        if (!cancelled) {
          setDraft(d =>
            d.owner ? d : { ...d, owner: identity.userEntityRef },
          );
        }
      },
      () => {
        // Without an identity the owner field stays empty and must be typed.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [identityApi]);

  const change =
    (field: keyof Draft) => (event: { target: { value: unknown } }) => {
      const value = String(event.target.value);
      setDraft(d => ({ ...d, [field]: value }));
      setProblems(p => ({ ...p, [field]: undefined }));
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }

    const item: NewActionItem = {
      indicator: result.indicator,
      step: draft.step.trim(),
      owner: draft.owner.trim(),
      dueDate: draft.dueDate,
      ...(draft.element ? { element: draft.element } : {}),
    };
    setSaving(true);
    setFailure(undefined);
    try {
      await api.createActionItem(district.name, item);
    } catch (error) {
      setFailure(readableError(error).message);
      setSaving(false);
      return;
    }
    alertApi.post({
      message: `Planned a step for ${result.indicatorTitle}, due ${
        item.dueDate
      }, owned by ${nameOf(item.owner)}. It is on the Action plans tab.`,
      severity: 'success',
      display: 'transient',
    });
    onClose();
  };

  return (
    <Dialog
      open
      onClose={saving ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Plan an action</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {result.indicatorTitle} is{' '}
            {STATUS_LABELS[result.status].toLocaleLowerCase('en-US')} in{' '}
            {district.title}. {result.reasons[0]}
          </DialogContentText>
          {failure && (
            <WarningPanel
              severity="error"
              title={`The action was not saved: ${failure}`}
            />
          )}
          <div className={classes.fields}>
            <TextField
              id={`${fieldId}-step`}
              label="Step"
              value={draft.step}
              onChange={change('step')}
              required
              multiline
              minRows={2}
              variant="outlined"
              error={Boolean(problems.step)}
              helperText={
                problems.step ??
                'What is to be done, such as "Add the ELL flag to the platform export"'
              }
            />
            <TextField
              id={`${fieldId}-owner`}
              label="Owner"
              value={draft.owner}
              onChange={change('owner')}
              required
              variant="outlined"
              error={Boolean(problems.owner)}
              helperText={
                problems.owner ??
                'A user or group, such as user:default/jordan.lee'
              }
            />
            <TextField
              id={`${fieldId}-due-date`}
              label="Due date"
              type="date"
              value={draft.dueDate}
              onChange={change('dueDate')}
              required
              variant="outlined"
              InputLabelProps={{ shrink: true }}
              error={Boolean(problems.dueDate)}
              helperText={problems.dueDate ?? 'YYYY-MM-DD'}
            />
            <TextField
              select
              id={`${fieldId}-element`}
              label="Element"
              value={draft.element}
              onChange={change('element')}
              variant="outlined"
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              helperText="The data element the step is about, if it is about one"
            >
              <option value="">The indicator as a whole</option>
              {result.elements.map(element => (
                <option
                  key={`${element.role} ${element.element}`}
                  value={element.element}
                >
                  {element.elementTitle} ({element.role}, {element.status})
                </option>
              ))}
            </TextField>
          </div>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save the action'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
