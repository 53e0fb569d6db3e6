import { LineageEdge, LineageNode } from '../../api';

/** Each kind as people name it. */
export const KIND_LABELS: Record<LineageNode['kind'], string> = {
  datasource: 'Data source',
  dataelement: 'Data element',
  indicator: 'Indicator',
};

/** Each edge type as a verb, from the edge's `from` to its `to`. */
export const EDGE_VERBS: Record<LineageEdge['type'], string> = {
  feeds: 'feeds',
  provides: 'provides',
  requires: 'is needed by',
};
