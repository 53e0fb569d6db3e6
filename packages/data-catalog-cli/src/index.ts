/**
 * The data catalog's command-line tool: validates catalog-info YAML offline
 * and moves a district's data catalog in and out of Excel workbooks.
 *
 * @packageDocumentation
 */

import { Command, CommanderError } from 'commander';
import { CliError, EXIT_CODES } from './exitCodes';
import { registerValidateCommand } from './commands/validate';
import { registerImportCommand } from './commands/import';
import { registerExportCommand } from './commands/export';
import { registerGenerateCommand } from './commands/generate';

/** Builds the program; tests run it without a process of its own. */
export function createProgram(): Command {
  const program = new Command('data-catalog')
    .description(
      "Check a district's catalog-info YAML and move its data catalog in and out of Excel",
    )
    .exitOverride()
    .showHelpAfterError();

  registerValidateCommand(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerGenerateCommand(program);
  return program;
}

/**
 * Runs the tool with the given arguments and returns its exit code. A
 * CliError becomes its message and code; anything else is a bug and still
 * ends with a message, not a stack trace, unless DEBUG is set.
 */
export async function run(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv, { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_CODES.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`data-catalog: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `data-catalog: unexpected failure: ${
        process.env.DEBUG ? (error as Error).stack : String(error)
      }\n`,
    );
    return 70;
  }
}
