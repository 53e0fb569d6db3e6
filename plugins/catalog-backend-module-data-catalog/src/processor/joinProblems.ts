/**
 * The most problems one processing error lists. The catalog keeps the
 * message with the entity and sends it to the log on every refresh, so a
 * source naming ten thousand missing elements must not write ten thousand
 * sentences; the first ones say what is wrong.
 */
export const MAX_LISTED_PROBLEMS = 20;

/** One message of all the problems, or of the first ones and a count. */
export function joinProblems(lines: string[]): string {
  if (lines.length <= MAX_LISTED_PROBLEMS) {
    return lines.join('; ');
  }
  const rest = lines.length - MAX_LISTED_PROBLEMS;
  return `${lines
    .slice(0, MAX_LISTED_PROBLEMS)
    .join('; ')}; and ${rest.toLocaleString('en-US')} more ${
    rest === 1 ? 'problem' : 'problems'
  } not listed`;
}
