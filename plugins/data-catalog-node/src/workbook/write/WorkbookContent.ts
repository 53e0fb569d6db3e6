import { Entity } from '@backstage/catalog-model';
import {
  ActionItem,
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
  IndicatorAvailability,
  IndicatorEntityV1alpha1,
} from '@internal/plugin-data-catalog-common';

/**
 * What one exported workbook holds: a district's sources, or the region's,
 * with the vocabulary and indicators they are read against, the gap answers
 * and the action plan. The command-line tool fills it from YAML; the backend
 * from the catalog, with owners' live corrections and action items.
 */
export interface WorkbookContent {
  /** Shown in the workbook's properties, such as `Alder Creek`. */
  title: string;
  sources: DataSourceEntityV1alpha1[];
  /** The shared vocabulary, for element titles and definitions. */
  elements: DataElementEntityV1alpha1[];
  indicators: IndicatorEntityV1alpha1[];
  /** Groups and users, so that owners are written by their names. */
  people: Entity[];
  /** Gap answers of every district the workbook covers. */
  gaps: IndicatorAvailability[];
  /** District titles by lower-case reference, for the gaps sheet. */
  districtTitles: Map<string, string>;
  actions: ActionItem[];
  /** Said on the action plan sheet when there are no items to show. */
  actionsNote?: string;
}
