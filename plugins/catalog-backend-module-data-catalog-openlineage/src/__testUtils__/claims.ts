import { ClaimSource } from '../matching/CatalogStateClaims';
import { DatasetClaim } from '../matching/DatasetMatcher';
import { parseDatasetPatterns } from '../matching/datasetPatterns';
import { LANDING, ODS } from './events';

export const RDW = 'datasource:default/northlake-rdw';
export const IXL = 'datasource:default/alder-creek-ixl';
export const SIS = 'datasource:default/alder-creek-sis';

/** Claims held in memory, standing in for the catalog's state. */
export class StaticClaims implements ClaimSource {
  constructor(private claims: DatasetClaim[]) {}

  set(sourceRef: string, annotation: string): void {
    this.claims = [
      ...this.claims.filter(c => c.sourceRef !== sourceRef),
      { sourceRef, patterns: parseDatasetPatterns(annotation).patterns },
    ];
  }

  async loadClaims(): Promise<DatasetClaim[]> {
    return this.claims;
  }
}

/** The warehouse claims its ODS, Alder Creek's IXL its landing folder. */
export function demoClaims(): StaticClaims {
  const claims = new StaticClaims([]);
  claims.set(RDW, `${ODS}/*`);
  claims.set(IXL, `${LANDING}/ixl/alder-creek/*`);
  return claims;
}
