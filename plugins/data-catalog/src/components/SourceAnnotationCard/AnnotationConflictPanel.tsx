import { Annotation } from '@internal/plugin-data-catalog-common';
import { ConflictPanel, ConflictRow } from '../ConflictPanel';
import {
  CORRECTION_STATUS_LABELS,
  FormValues,
  formValues,
  ratingText,
} from './annotationValues';

type Shown = Record<
  'notes' | 'lastVerified' | 'qualityRating' | 'corrections',
  string
>;

function shown(values: FormValues, nameOf: (ref: string) => string): Shown {
  return {
    notes: values.notes.trim() || '(none)',
    lastVerified: values.lastVerified || '(none)',
    qualityRating: values.qualityRating
      ? ratingText(Number(values.qualityRating))
      : '(not rated)',
    corrections:
      values.corrections
        .map(
          c =>
            `${nameOf(c.element)} ${
              CORRECTION_STATUS_LABELS[c.status] ?? c.status
            }: ${c.reason.trim()}`,
        )
        .join('\n') || '(none)',
  };
}

const FIELDS: Array<[keyof Shown, string]> = [
  ['notes', 'Notes'],
  ['lastVerified', 'Last verified'],
  ['qualityRating', 'Quality'],
  ['corrections', 'Corrections'],
];

/**
 * The conflict of a notes edit: the annotation as it now stands beside the
 * values the user has not saved, so they can decide whether to apply theirs
 * on top.
 */
export function AnnotationConflictPanel(props: {
  latest: Annotation;
  mine: FormValues;
  nameOf: (ref: string) => string;
  saving: boolean;
  onApplyMine: () => void;
  onUseLatest: () => void;
}) {
  const { latest, nameOf } = props;
  const theirs = shown(formValues(latest), nameOf);
  const mine = shown(props.mine, nameOf);
  const rows: ConflictRow[] = FIELDS.map(([field, label]) => ({
    label,
    saved: theirs[field],
    mine: mine[field],
  }));

  return (
    <ConflictPanel
      title="Someone else saved these notes while you were editing"
      subject="The notes"
      latest={latest}
      rows={rows}
      saving={props.saving}
      applyLabel="Apply my changes again"
      onApply={props.onApplyMine}
      dismissLabel="Start over from the saved version"
      onDismiss={props.onUseLatest}
    />
  );
}
