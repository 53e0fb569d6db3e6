import { DataSourceLifecycle } from '../vocabulary';
import { holdsCopies } from './regional';
import { elementTitle, Holding } from './districtIndex';
import {
  assessProvision,
  compareAvailability,
  ProvisionContext,
} from './assessProvision';
import { ElementAssessment, ProvisionAssessment } from './types';

const LIFECYCLE_ORDER: Record<DataSourceLifecycle, number> = {
  production: 0,
  deprecated: 1,
  planned: 2,
  retired: 3,
};

type Judged = {
  holding: Holding;
  assessment: ProvisionAssessment;
  covered: number;
};

const collator = new Intl.Collator('en-US');

// State reporting extracts and warehouses hold copies of what the systems
// of record send them; the original is the one to name.
const isCopy = (j: Judged) => Number(holdsCopies(j.holding.source));

// Best first: the better status, then a source that links by student ID,
// then a system of record over a copy, then one not being retired, then the
// wider grade coverage, then by title so that the choice never depends on
// the order of the YAML.
function compareJudged(a: Judged, b: Judged): number {
  return (
    compareAvailability(a.assessment.status, b.assessment.status) ||
    Number(b.assessment.linkableByStudentId) -
      Number(a.assessment.linkableByStudentId) ||
    isCopy(a) - isCopy(b) ||
    LIFECYCLE_ORDER[a.holding.source.lifecycle] -
      LIFECYCLE_ORDER[b.holding.source.lifecycle] ||
    b.covered - a.covered ||
    b.assessment.grades.length - a.assessment.grades.length ||
    collator.compare(a.assessment.sourceTitle, b.assessment.sourceTitle) ||
    collator.compare(a.assessment.source, b.assessment.source)
  );
}

// Judges every provision of an element, chooses the best and words the
// reason; the role is added by the caller.
function judgeElement(
  element: string,
  context: ProvisionContext,
): Omit<ElementAssessment, 'role'> {
  const { index } = context;
  const title = elementTitle(index, element);

  const judged = (index.holdings.get(element) ?? [])
    .map(holding => ({
      holding,
      assessment: assessProvision(holding, context),
      covered: context.grades.filter(g => holding.provision.grades.includes(g))
        .length,
    }))
    .sort(compareJudged);
  const provisions = judged.map(j => j.assessment);

  const chosen = provisions[0];
  if (!chosen) {
    return {
      element,
      elementTitle: title,
      status: 'missing',
      provisions,
      reason: `No ${index.districtLabel} source provides ${title}`,
    };
  }

  return {
    element,
    elementTitle: title,
    status: chosen.status,
    chosen: chosen.source,
    provisions,
    reason:
      chosen.status === 'available'
        ? `${title} comes from ${chosen.sourceTitle} (${chosen.field})`
        : `${title}: ${chosen.problems.join('; ')}`,
  };
}

/**
 * How a district stands on one element an indicator needs: every provision
 * judged, the best one chosen, and the reason in one sentence.
 */
export function assessElement(
  element: string,
  role: ElementAssessment['role'],
  context: ProvisionContext,
): ElementAssessment {
  // Two map lookups rather than a composed string key: at state scale this
  // runs millions of times, and the strings and copies cost more than the
  // rules themselves.
  const { judged } = context.index;
  let inContext = judged.get(context.key);
  if (!inContext) {
    inContext = new Map();
    judged.set(context.key, inContext);
  }
  let byRole = inContext.get(element);
  if (!byRole) {
    byRole = {};
    inContext.set(element, byRole);
  }
  let assessment = byRole[role];
  if (!assessment) {
    const other = byRole[role === 'required' ? 'subgroup' : 'required'];
    assessment = { ...(other ?? judgeElement(element, context)), role };
    byRole[role] = assessment;
  }
  return assessment;
}
