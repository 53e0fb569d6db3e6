import path from 'node:path';
import { FileProblem } from '../catalog/readCatalogFiles';
import { LocatedProblem, ValidationReport } from './validateCatalog';

/**
 * One problem as one line, `file:line:column  entity  field: message`, the
 * form editors and CI log viewers turn into a link. A file that is not
 * readable YAML has no entity, and `yaml` stands in for the field.
 */
export function formatProblemLine(
  problem: LocatedProblem,
  cwd: string = process.cwd(),
): string {
  const place = formatPlace(problem, cwd);
  const first = problem.firstDefinition
    ? ` (first defined at ${formatPlace(problem.firstDefinition, cwd)})`
    : '';
  if (problem.entity === undefined) {
    return `${place}  yaml: ${problem.message}`;
  }
  return `${place}  ${problem.entity}  ${problem.field}: ${problem.message}${first}`;
}

/**
 * The last line: how many problems in how many files, or that there are
 * none, and always how much was read, so that a CI log shows a step that
 * checked a folder with fewer files than expected.
 */
export function formatSummary(report: ValidationReport): string {
  const read = `${count(report.entities, 'entity', 'entities')}`;
  const context =
    report.contextFiles > 0
      ? `, plus ${count(report.contextEntities, 'entity', 'entities')} ` +
        `of context from ${count(report.contextFiles, 'file')}`
      : '';

  if (report.problems.length === 0) {
    return `No problems: ${read} in ${count(report.files, 'file')}${context}`;
  }
  const files = new Set(report.problems.map(problem => problem.file)).size;
  return (
    `${count(report.problems.length, 'problem')} in ${count(files, 'file')} ` +
    `(${read} read from ${count(report.files, 'file')}${context})`
  );
}

/** A context file that could not be read, which explains missing entities. */
export function formatContextWarning(
  problem: FileProblem,
  cwd: string = process.cwd(),
): string {
  return (
    `warning: context file ${formatPlace(problem, cwd)} is not readable ` +
    `YAML (${problem.message}); references to its entities will not resolve`
  );
}

function formatPlace(
  place: { file: string; line: number; column: number },
  cwd: string,
): string {
  const file = path.relative(cwd, path.resolve(cwd, place.file));
  return `${file}:${place.line}:${place.column}`;
}

function count(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
