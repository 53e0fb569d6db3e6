import { normalizeLabel } from '../../layout';
import { CellInput } from './cellInput';
import { Parsed } from './parsed';

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** Reads a yes/no column: Yes, No, Y, N, TRUE, FALSE, 1, 0 or a checkbox. */
export function parseBoolean(input: CellInput): Parsed<boolean> {
  if (typeof input === 'boolean') {
    return { value: input };
  }
  if (input === 1 || input === 0) {
    return { value: input === 1 };
  }
  if (typeof input === 'string') {
    const word = normalizeLabel(input);
    if (YES.has(word)) {
      return { value: true };
    }
    if (NO.has(word)) {
      return { value: false };
    }
  }
  return { expected: 'Yes or No' };
}
