import { AvailabilityCorrection } from '@internal/plugin-data-catalog-common';

/** Where the gap rules get owners' availability corrections from. */
export interface CorrectionProvider {
  /** Every correction on every source. */
  listCorrections(): Promise<AvailabilityCorrection[]>;
  /** Changes whenever any correction changes. */
  correctionsVersion(): Promise<string>;
}
