import {
  formatRowProblem,
  ImportPlan,
  RowPlace,
  UnknownPerson,
} from '@internal/plugin-data-catalog-node';

const MAX_ROWS_NAMED = 5;

function places(rows: RowPlace[]): string {
  const named = rows
    .slice(0, MAX_ROWS_NAMED)
    .map(r => `${r.sheet}!${r.row}`)
    .join(', ');
  const more = rows.length - MAX_ROWS_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

/** One line per row: where, what became of it, and why. */
export function formatOutcomes(plan: ImportPlan): string[] {
  return plan.outcomes.map(outcome => {
    const why = outcome.why ? `  (${outcome.why})` : '';
    return `${outcome.sheet}!${outcome.row}  ${outcome.action.padEnd(7)}  ${
      outcome.subject
    }${why}`;
  });
}

/** Each unknown name once, with its rows and what it may have meant. */
export function formatUnknownPerson(person: UnknownPerson): string {
  let hint = '';
  if (person.suggestion) {
    hint = `; did you mean ${person.suggestion.name} (${person.suggestion.ref})?`;
  } else if (person.candidates?.length) {
    hint = `; it matches several: ${person.candidates.join(
      ', ',
    )}; write the one meant`;
  }
  return `${person.column} "${person.name}" in ${places(
    person.rows,
  )} matches no group or user of the catalog${hint}`;
}

/** The problems that stop an import, one line each. */
export function formatProblems(plan: ImportPlan): string[] {
  return plan.problems.map(formatRowProblem);
}

/** The closing line: how many sources and elements, new or merged. */
export function formatSummary(plan: ImportPlan, wrote: boolean): string {
  const merged = plan.sources.filter(s => s.merged).length;
  const created = plan.sources.length - merged;
  const skipped = plan.outcomes.filter(o => o.action === 'skipped').length;
  const verb = wrote ? 'Wrote' : 'Would write';
  return `${verb} ${plan.sources.length} source${
    plan.sources.length === 1 ? '' : 's'
  } (${created} new, ${merged} merged) and ${
    plan.proposedElements.length
  } proposed element${
    plan.proposedElements.length === 1 ? '' : 's'
  } for review; ${skipped} row${skipped === 1 ? '' : 's'} skipped.`;
}
