import { createApiRef } from '@backstage/core-plugin-api';
import { IndicatorAvailability } from '@internal/plugin-data-catalog-common';
import {
  ActionItem,
  ActionItemChange,
  Annotation,
  District,
  DistrictGaps,
  DistrictList,
  ElementComparison,
  HistoryEntry,
  IndicatorAcrossDistricts,
  IndicatorAnnotationWrite,
  Lineage,
  NewActionItem,
  ProgressPoint,
  RegionMatrix,
  SourceAnnotationWrite,
  StatusChange,
  WriteAccess,
} from './types';

/** The data catalog backend, as the pages use it. */
export interface DataCatalogApi {
  listDistricts(): Promise<DistrictList>;
  /**
   * Every indicator's status in a district, each element with only the
   * provision its status is taken from (`otherProvisions` counts the
   * rest); {@link DataCatalogApi.getDistrictIndicatorGaps} gives one
   * indicator whole.
   */
  getDistrictGaps(district: string): Promise<DistrictGaps>;
  getDistrictIndicatorGaps(
    district: string,
    indicator: string,
  ): Promise<IndicatorAvailability>;
  getIndicatorAvailability(
    indicator: string,
  ): Promise<IndicatorAcrossDistricts>;
  getRegionMatrix(): Promise<RegionMatrix>;
  getLineage(
    entityRef: string,
    options: {
      direction: Lineage['direction'];
      depth: number;
      limit: number;
    },
  ): Promise<Lineage>;
  getProgress(
    district: string,
  ): Promise<{ district: District; series: ProgressPoint[] }>;
  getStatusChanges(
    indicator: string,
    district?: string,
  ): Promise<StatusChange[]>;
  compareElements(filter?: { domain?: string; subgroup?: boolean }): Promise<{
    districts: Array<{ ref: string; title: string }>;
    items: ElementComparison[];
  }>;
  getSourceAnnotation(sourceRef: string): Promise<Annotation>;
  putSourceAnnotation(
    sourceRef: string,
    write: SourceAnnotationWrite,
  ): Promise<Annotation>;
  getIndicatorAnnotation(
    indicatorRef: string,
    district: string,
  ): Promise<Annotation>;
  putIndicatorAnnotation(
    indicatorRef: string,
    district: string,
    write: IndicatorAnnotationWrite,
  ): Promise<Annotation>;
  listActionItems(district: string): Promise<ActionItem[]>;
  createActionItem(district: string, item: NewActionItem): Promise<ActionItem>;
  updateActionItem(id: string, change: ActionItemChange): Promise<ActionItem>;
  listHistory(filter: {
    subjectType?: HistoryEntry['subjectType'];
    subjectId?: string;
    district?: string;
    limit?: number;
  }): Promise<HistoryEntry[]>;
  getWriteAccess(subject: string): Promise<WriteAccess>;
  /**
   * The data-catalog workbook of one district, or of the region when no
   * district is given, with the file name the backend suggests.
   */
  getWorkbook(district?: string): Promise<{ blob: Blob; fileName: string }>;
}

/** The handle through which components reach the data catalog backend. */
export const dataCatalogApiRef = createApiRef<DataCatalogApi>({
  id: 'plugin.data-catalog.service',
});
