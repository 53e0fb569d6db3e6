import { DataSourceType } from '../vocabulary';
import { SourceRecord } from './types';

// A warehouse or a state reporting hub run by the BOCES holds copies of what
// the districts send it: counting it for a district would credit the
// district with data it never had.
const COPY_TYPES: ReadonlySet<DataSourceType> = new Set([
  'state-reporting',
  'warehouse',
]);

/** Whether a source holds copies of data kept first somewhere else. */
export function holdsCopies(source: SourceRecord): boolean {
  return COPY_TYPES.has(source.type);
}

/**
 * Whether a regional (BOCES) source counts for each member district: state
 * assessment results, regional platforms and surveys do; the regional
 * warehouse and reporting hub, which only hold copies, do not.
 */
export function servesMemberDistricts(source: SourceRecord): boolean {
  return !holdsCopies(source);
}
