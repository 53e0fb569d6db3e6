import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { DEFAULT_MINIMUM_CELL_SIZE } from '@internal/plugin-data-catalog-common';

/** Where the configuration sets the minimum cell size. */
export const MINIMUM_CELL_SIZE_KEY = 'dataCatalog.privacy.minimumCellSize';

/**
 * The fewest students a count may show, from the configuration, or New
 * York's 5 when it sets none. A value that is not a whole number of 1 or
 * more is an error rather than a fallback to the default, so that a typo
 * never quietly changes what is suppressed.
 */
export function readMinimumCellSize(config: RootConfigService): number {
  const value = config.getOptionalNumber(MINIMUM_CELL_SIZE_KEY);
  if (value === undefined) {
    return DEFAULT_MINIMUM_CELL_SIZE;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `${MINIMUM_CELL_SIZE_KEY} must be a whole number of students, 1 or more; got ${value}`,
    );
  }
  return value;
}
