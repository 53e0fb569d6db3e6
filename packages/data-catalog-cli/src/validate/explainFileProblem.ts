import {
  ALIAS_LIMIT_MESSAGE,
  isAliasLimitError,
} from '@internal/plugin-data-catalog-common';
import { FileProblem } from '../catalog/readCatalogFiles';

/**
 * A problem of reading a file, in the catalog's words where the `yaml`
 * library's would puzzle a district: its refusal of a "billion laughs"
 * says "resource exhaustion attack" of what is usually an honest mistake.
 */
export function explainFileProblem(problem: FileProblem): FileProblem {
  if (isAliasLimitError(problem.message)) {
    return { ...problem, message: ALIAS_LIMIT_MESSAGE };
  }
  return problem;
}
