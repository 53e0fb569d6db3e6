/** Why a workbook could not be read at all, as the tool tells its user. */
export type WorkbookReadFailure =
  /** Missing, not a file, or not an .xlsx zip (an old .xls included). */
  | 'notAWorkbook'
  /** Encrypted with a password, so its sheets cannot be opened. */
  | 'passwordProtected'
  /** No sheet has a header row with the columns the import needs. */
  | 'noHeader'
  /** More data rows than the caller allows. */
  | 'tooManyRows';

/**
 * A workbook that cannot be imported as a whole. The message says what was
 * found and what was expected; the command-line tool turns the failure into
 * its exit code.
 */
export class WorkbookReadError extends Error {
  constructor(readonly failure: WorkbookReadFailure, message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}
