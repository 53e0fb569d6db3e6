import { Grade } from '../vocabulary';
import { DistrictIndex, Holding } from './districtIndex';
import { compactGrades } from './grades';
import { ElementAvailability, ProvisionAssessment } from './types';

/** What the rules know of the indicator when they judge one provision. */
export interface ProvisionContext {
  index: DistrictIndex;
  /** The grades the indicator is computed for in this district. */
  grades: Grade[];
  /** Whether the indicator joins data from several sources or subgroups. */
  mustJoin: boolean;
  /** Grades and need to join in one string, to look up judged elements. */
  key: string;
}

const RANK: Record<ElementAvailability, number> = {
  available: 0,
  partial: 1,
  missing: 2,
};

/** Orders availabilities best first. */
export function compareAvailability(
  a: ElementAvailability,
  b: ElementAvailability,
): number {
  return RANK[a] - RANK[b];
}

// Notes are written as sentences; their final full stop is dropped because
// the note is joined to further problems with semicolons.
function withNote(sentence: string, note?: string): string {
  const trimmed = note?.trim().replace(/\.$/, '');
  return trimmed ? `${sentence}; ${trimmed}` : sentence;
}

/** Judges one source's provision of one element for one indicator. */
export function assessProvision(
  holding: Holding,
  context: ProvisionContext,
): ProvisionAssessment {
  const { source, provision, correction } = holding;
  const title = source.title;
  const described = {
    source: source.ref,
    sourceTitle: title,
    ...(source.vendor !== undefined ? { vendor: source.vendor } : {}),
    field: provision.field,
    grades: provision.grades,
    years: provision.years,
    linkableByStudentId: source.linkableByStudentId,
  };
  const problems: string[] = [];
  let status: ElementAvailability = 'available';
  const worsen = (to: ElementAvailability, problem: string) => {
    if (RANK[to] > RANK[status]) {
      status = to;
    }
    problems.push(problem);
  };

  // A planned source holds nothing yet; its coverage describes the future,
  // so judging it further would only add noise.
  if (source.lifecycle === 'planned') {
    return {
      ...described,
      status: 'missing',
      problems: [`${title} is not in use yet`],
    };
  }

  if (source.accessMethod === 'none') {
    worsen('missing', `${title} has no way to get data out`);
  }

  // An owner's correction knows better than the YAML it corrects.
  if (correction) {
    worsen(
      correction.status === 'partial' ? 'partial' : 'missing',
      `corrected by ${correction.by} on ${correction.at.split('T')[0]}: ${
        correction.reason
      }`,
    );
  } else if (provision.status === 'not-collected') {
    worsen('missing', withNote(`${title} does not collect it`, provision.note));
  } else if (provision.status === 'unusable') {
    worsen(
      'missing',
      withNote(`${title} holds it in an unusable form`, provision.note),
    );
  } else if (provision.status === 'partial') {
    worsen(
      'partial',
      withNote(`${title} holds it only in part`, provision.note),
    );
  }

  const covered = context.grades.filter(g => provision.grades.includes(g));
  if (covered.length === 0 && context.grades.length > 0) {
    worsen('missing', `covers none of grades ${compactGrades(context.grades)}`);
  } else if (covered.length < context.grades.length) {
    worsen(
      'partial',
      `covers grades ${compactGrades(covered)} of ${compactGrades(
        context.grades,
      )}`,
    );
  }

  const latest = context.index.latestYear;
  if (latest !== undefined && !provision.years.includes(latest)) {
    worsen('partial', `has no data for ${latest}`);
  }

  if (context.mustJoin && !source.linkableByStudentId) {
    worsen(
      'partial',
      'cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
    );
  }

  // Data from a source being retired still count; the warning is for
  // whoever plans the next step.
  if (source.lifecycle === 'deprecated') {
    problems.push(`${title} is being retired`);
  }

  return {
    ...described,
    status,
    ...(correction ? { correction } : {}),
    problems,
  };
}
