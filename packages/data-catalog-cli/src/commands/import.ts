import { Command, InvalidArgumentError } from 'commander';
import {
  buildImport,
  DEFAULT_MAX_ROWS,
  readWorkbook,
  WorkbookReadError,
  WorkbookReadFailure,
} from '@internal/plugin-data-catalog-node';
import { CliError, EXIT_CODES, ExitCode } from '../exitCodes';
import {
  formatOutcomes,
  formatProblems,
  formatSummary,
  formatUnknownPerson,
} from '../import/formatImportReport';
import { loadImportContext } from '../import/loadImportContext';
import { ProgressReporter } from '../import/progress';
import { planFiles, writeImport } from '../import/writeImport';

interface ImportOptions {
  district: string;
  out: string;
  catalog: string;
  dryRun?: boolean;
  maxRows: number;
}

const FAILURE_CODES: Record<WorkbookReadFailure, ExitCode> = {
  notAWorkbook: EXIT_CODES.notAWorkbook,
  passwordProtected: EXIT_CODES.passwordProtected,
  noHeader: EXIT_CODES.noHeader,
  tooManyRows: EXIT_CODES.tooManyRows,
};

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('expected a whole number above 0');
  }
  return n;
}

function print(lines: string[]): void {
  if (lines.length > 0) {
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

async function importWorkbook(
  workbook: string,
  options: ImportOptions,
): Promise<void> {
  const { context, fileOf } = await loadImportContext({
    catalogDir: options.catalog,
    outDir: options.out,
    district: options.district,
    workbook,
  });

  const progress = new ProgressReporter(process.stderr);
  let rows;
  try {
    rows = await readWorkbook(workbook, {
      maxRows: options.maxRows,
      onProgress: p => progress.update(p),
    });
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      throw new CliError(error.message, FAILURE_CODES[error.failure]);
    }
    throw error;
  } finally {
    progress.stop();
  }

  const plan = buildImport(rows, context);
  if (options.dryRun) {
    print(formatOutcomes(plan));
  }
  for (const note of plan.notes) {
    process.stderr.write(`note: ${note}\n`);
  }

  if (plan.problems.length > 0) {
    print(formatProblems(plan));
    throw new CliError(
      `${plan.problems.length} problem${
        plan.problems.length === 1 ? '' : 's'
      } in ${workbook} keep rows from becoming entities; nothing was written`,
      EXIT_CODES.invalidRows,
    );
  }
  if (plan.unknownPeople.length > 0) {
    print(plan.unknownPeople.map(formatUnknownPerson));
    throw new CliError(
      `${plan.unknownPeople.length} owner or steward name${
        plan.unknownPeople.length === 1 ? '' : 's'
      } match no group or user in ${
        options.catalog
      }; add them to the catalog or correct the workbook; nothing was written`,
      EXIT_CODES.unknownPeople,
    );
  }

  const files = planFiles(plan, options.district, fileOf);
  if (options.dryRun) {
    print([formatSummary(plan, false), 'Dry run: nothing was written.']);
    return;
  }
  await writeImport(options.out, files, context.workbookName);
  print([
    ...files.map(f => `${f.replaces ? 'replaced' : 'wrote'} ${f.file}`),
    formatSummary(plan, true),
  ]);
}

/** `data-catalog import`: a district's workbook into catalog-info YAML. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      "Turn a district's data-catalog workbook into one catalog-info YAML file per source",
    )
    .argument('<workbook>', 'the .xlsx workbook to read')
    .requiredOption(
      '--district <name>',
      'the district group the sources belong to, such as alder-creek',
    )
    .requiredOption(
      '--out <dir>',
      "the district's catalog-info folder; sources already there are merged",
    )
    .option(
      '--catalog <dir>',
      'the catalog-info folder whose groups, users and data elements rows are matched against',
      'catalog-info',
    )
    .option('--dry-run', 'write nothing; print what each row would become')
    .option(
      '--max-rows <n>',
      'stop with an error past this many data rows',
      positiveInteger,
      DEFAULT_MAX_ROWS,
    )
    .action(async (workbook: string, options: ImportOptions) =>
      importWorkbook(workbook, options),
    );
}
