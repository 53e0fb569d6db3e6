/**
 * The tool's exit codes. Each kind of failure has its own, so that a
 * district's CI or a script can tell them apart; the README lists them.
 */
export const EXIT_CODES = {
  ok: 0,
  /** `validate` found problems in the YAML. */
  invalidCatalog: 1,
  /** Wrong or missing options or arguments. */
  usage: 2,
  /** The file is missing or is not an Excel workbook. */
  notAWorkbook: 3,
  /** The workbook is password-protected, so it cannot be read. */
  passwordProtected: 4,
  /** No sheet has a header row the tool recognises. */
  noHeader: 5,
  /** Rows that cannot become entities, such as a row with no source name. */
  invalidRows: 6,
  /** Owner or steward names that match no group or user of the catalog. */
  unknownPeople: 7,
  /** The workbook has more rows than `--max-rows` allows. */
  tooManyRows: 8,
  /** The output could not be written; nothing was changed. */
  writeFailed: 9,
  /** The catalog folder given to the tool could not be read. */
  catalogUnreadable: 10,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * A failure the tool explains to its user and ends with: a message and an
 * exit code, never a stack trace.
 */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: ExitCode) {
    super(message);
    this.name = 'CliError';
  }
}
