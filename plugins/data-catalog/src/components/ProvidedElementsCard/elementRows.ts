import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  compactGrades,
  DataSourceEntityV1alpha1,
  ElementStatus,
  GRADES,
} from '@internal/plugin-data-catalog-common';
import { compactYears } from '../DataSourceOverviewCard/labels';

/** The words shown for each element status. */
export const ELEMENT_STATUS_LABELS: Record<ElementStatus, string> = {
  available: 'Available',
  partial: 'Partial',
  'not-collected': 'Not collected',
  unusable: 'Unusable',
};

const STATUS_ORDER: ElementStatus[] = [
  'available',
  'partial',
  'not-collected',
  'unusable',
];

/** One row of the provided-elements table, as plain text to sort and search. */
export interface ElementRow {
  /** Full, lower-case reference to the DataElement. */
  ref: string;
  name: string;
  field: string;
  status: ElementStatus;
  statusLabel: string;
  statusOrder: number;
  grades: string;
  /** Position of the lowest grade covered, for sorting. */
  gradeOrder: number;
  years: string;
  /** True when the element narrows the source's coverage. */
  narrowed: boolean;
  note: string;
}

/**
 * Turns `spec.provides` into table rows: the status defaults to available and
 * the coverage to the source's own, as the gap rules read them.
 */
export function elementRows(
  spec: Pick<DataSourceEntityV1alpha1['spec'], 'provides' | 'coverage'>,
): ElementRow[] {
  return (spec.provides ?? []).map(provided => {
    const status = provided.status ?? 'available';
    const grades = provided.coverage?.grades ?? spec.coverage.grades ?? [];
    const years = provided.coverage?.years ?? spec.coverage.years ?? [];
    const ref = elementRef(provided.element);
    const lowest = Math.min(
      ...grades.map(grade => GRADES.indexOf(grade)).filter(i => i >= 0),
    );

    return {
      ref,
      name: ref.slice(ref.indexOf('/') + 1),
      field: provided.field,
      status,
      statusLabel: ELEMENT_STATUS_LABELS[status] ?? status,
      statusOrder: STATUS_ORDER.indexOf(status),
      grades: compactGrades(grades),
      gradeOrder: Number.isFinite(lowest) ? lowest : GRADES.length,
      years: compactYears(years, { count: false }),
      narrowed: Boolean(provided.coverage?.grades || provided.coverage?.years),
      note: provided.note ?? '',
    };
  });
}

/** A provided element's reference in full: YAML may leave out kind and namespace. */
export function elementRef(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'dataelement',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return value;
  }
}
