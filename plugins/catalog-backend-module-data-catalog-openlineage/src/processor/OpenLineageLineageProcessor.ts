import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isDataSourceEntity,
  OPENLINEAGE_DATASETS_ANNOTATION,
  RELATION_FED_BY,
  RELATION_FEEDS,
} from '@internal/plugin-data-catalog-common';
import { ObservedLineage } from '../lineage/ObservedLineage';
import {
  describePatternProblems,
  parseDatasetPatterns,
} from '../matching/datasetPatterns';

/**
 * Emits `fedBy` and `feeds` relations for a DataSource that OpenLineage run
 * events show being written from other sources' datasets. A source without
 * the datasets annotation is left alone; one whose annotation cannot be
 * read is rejected with the reason, like any other bad field.
 *
 * TODO(openlineage-cycles): the data catalog module looks for lineage
 * cycles in spec.fedBy only, so a cycle that OpenLineage edges close is not
 * marked; it would need that module to read these relations too.
 */
export class OpenLineageLineageProcessor implements CatalogProcessor {
  /** The upstreams last emitted per source, to see when they change. */
  private readonly emitted = new Map<string, string>();

  constructor(
    private readonly lineage: ObservedLineage,
    private readonly announcer?: { announce(ref: string): void },
  ) {}

  getProcessorName(): string {
    return 'OpenLineageLineageProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const value =
      entity.metadata.annotations?.[OPENLINEAGE_DATASETS_ANNOTATION];
    if (!isDataSourceEntity(entity) || value === undefined) {
      return entity;
    }

    const sourceRef = stringifyEntityRef(entity);
    const { patterns, problems } = parseDatasetPatterns(value);
    if (problems.length > 0) {
      emit(
        processingResult.inputError(
          location,
          describePatternProblems(sourceRef, problems),
        ),
      );
      return entity;
    }

    const self = getCompoundEntityRef(entity);
    const upstreams = await this.lineage.upstreamOf(sourceRef, patterns);
    // The entity itself has not changed, so only this tells the data
    // catalog's read model that its lineage has.
    const key = [...upstreams].sort().join(' ');
    if (this.emitted.get(sourceRef) !== key) {
      this.emitted.set(sourceRef, key);
      this.announcer?.announce(sourceRef);
    }
    for (const upstream of upstreams) {
      const target = parseEntityRef(upstream);
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_FED_BY,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_FEEDS,
          target: self,
        }),
      );
    }
    return entity;
  }
}
