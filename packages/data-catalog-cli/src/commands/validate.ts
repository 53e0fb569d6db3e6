import { Command } from 'commander';
import { CliError, EXIT_CODES } from '../exitCodes';
import {
  formatContextWarning,
  formatProblemLine,
  formatSummary,
} from '../validate/formatReport';
import { validateCatalog } from '../validate/validateCatalog';

/**
 * `data-catalog validate <path...> [--with <path...>]`: checks catalog-info
 * YAML offline with the catalog's own rules, one line per problem on
 * stdout, and fails with exit code 1 when there is any.
 */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description(
      'Check catalog-info YAML offline: schemas, references, duplicates',
    )
    .argument('<path...>', 'catalog-info YAML files or folders to check')
    .option(
      '--with <path...>',
      'files or folders that references may point into (shared elements, ' +
        'org); read, but their own problems are not reported',
    )
    .action(async (paths: string[], options: { with?: string[] }) => {
      const report = await validateCatalog(paths, options.with ?? []);

      for (const problem of report.unreadableContext) {
        process.stderr.write(
          `data-catalog: ${formatContextWarning(problem)}\n`,
        );
      }

      const summary = formatSummary(report);
      if (report.problems.length === 0) {
        process.stdout.write(`${summary}\n`);
        return;
      }

      process.stdout.write(
        report.problems
          .map(problem => `${formatProblemLine(problem)}\n`)
          .join(''),
      );
      // The summary goes out once, as the message run() prints on stderr.
      throw new CliError(summary, EXIT_CODES.invalidCatalog);
    });
}
