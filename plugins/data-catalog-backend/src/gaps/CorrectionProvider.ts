import { AvailabilityCorrection } from '@internal/plugin-data-catalog-common';

/** A correction with the district of the source it corrects. */
export type DistrictCorrection = AvailabilityCorrection & { district: string };

/** Where the gap rules get owners' availability corrections from. */
export interface CorrectionProvider {
  /** Every correction on every source, with the source's district. */
  listCorrections(): Promise<DistrictCorrection[]>;
}

/** For measurements and tests of the rules without owners' corrections. */
export const noCorrections: CorrectionProvider = {
  async listCorrections() {
    return [];
  },
};
