import { AvailabilityCorrection } from '@internal/plugin-data-catalog-common';

/** Where the gap rules get owners' availability corrections from. */
export interface CorrectionProvider {
  /** Every correction on every source. */
  listCorrections(): Promise<AvailabilityCorrection[]>;
  /** Changes whenever any correction changes. */
  correctionsVersion(): Promise<string>;
}

/** For measurements and tests of the rules without owners' corrections. */
export const noCorrections: CorrectionProvider = {
  async listCorrections() {
    return [];
  },
  async correctionsVersion() {
    return 'none';
  },
};
