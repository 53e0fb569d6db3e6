import { AvailabilityCorrection } from '@internal/plugin-data-catalog-common';

/** Where the gap rules get owners' availability corrections from. */
export interface CorrectionProvider {
  /** Corrections on the sources of one district, or of every district. */
  listCorrections(district?: string): Promise<AvailabilityCorrection[]>;
  /** Changes whenever any correction changes. */
  correctionsVersion(): Promise<string>;
}

/** For a plugin with no corrections yet, and for tests. */
export const noCorrections: CorrectionProvider = {
  async listCorrections() {
    return [];
  },
  async correctionsVersion() {
    return 'none';
  },
};
