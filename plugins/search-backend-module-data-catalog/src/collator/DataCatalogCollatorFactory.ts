import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  DATA_CATALOG_API_VERSION,
  DATA_CATALOG_SEARCH_TYPE,
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
} from '@internal/plugin-data-catalog-common';
import { Readable } from 'node:stream';
import {
  DataCatalogDocument,
  dataElementDocument,
  dataSourceDocument,
  DocumentContext,
  ElementSummary,
  indicatorDocument,
  summarizeElement,
} from '../documents';
import { refOf } from '../documents/references';

/** What the collator needs: the catalog, and who it is when it reads it. */
export type DataCatalogCollatorFactoryOptions = {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  /** Entities per catalog request. */
  batchSize: number;
};

// The groups a source's `district` may point at.
const DISTRICT_GROUP_TYPES = ['district', 'boces'];

/**
 * Collates the data catalog's sources, elements and indicators into
 * `data-catalog` documents with facets for kind, district, stage,
 * construct, lifecycle, source type and domain.
 *
 * Elements are read first, so that a source's document can carry the
 * title and CEDS identifier of each element it holds; the catalog is read
 * a page at a time, and documents leave as each page arrives.
 */
export class DataCatalogCollatorFactory implements DocumentCollatorFactory {
  readonly type = DATA_CATALOG_SEARCH_TYPE;

  // TODO(search-permissions): documents carry no visibility permission,
  // since every signed-in user may read the whole catalog. Should the
  // policy ever restrict reading entities, set `catalogEntityReadPermission`
  // here and an `authorization.resourceRef` on each document, as the
  // catalog's own collator does.

  constructor(private readonly options: DataCatalogCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.collate());
  }

  private async *collate(): AsyncGenerator<DataCatalogDocument> {
    const started = Date.now();
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const counts = { elements: 0, indicators: 0, sources: 0, skipped: 0 };

    const districtTitles = await this.readDistrictTitles(credentials);
    const elements = new Map<string, ElementSummary>();
    const context: DocumentContext = { elements, districtTitles };

    for await (const entity of this.read(DATA_ELEMENT_KIND, credentials)) {
      const document = this.build(entity, counts, () => {
        if (!isDataElementEntity(entity)) return undefined;
        elements.set(refOf(entity), summarizeElement(entity));
        return dataElementDocument(entity);
      });
      if (document) {
        counts.elements += 1;
        yield document;
      }
    }

    for await (const entity of this.read(INDICATOR_KIND, credentials)) {
      const document = this.build(entity, counts, () =>
        isIndicatorEntity(entity)
          ? indicatorDocument(entity, context)
          : undefined,
      );
      if (document) {
        counts.indicators += 1;
        yield document;
      }
    }

    for await (const entity of this.read(DATA_SOURCE_KIND, credentials)) {
      const document = this.build(entity, counts, () =>
        isDataSourceEntity(entity)
          ? dataSourceDocument(entity, context)
          : undefined,
      );
      if (document) {
        counts.sources += 1;
        yield document;
      }
    }

    this.options.logger.info(
      `Collated ${counts.sources} data sources, ${
        counts.elements
      } elements and ${counts.indicators} indicators for search in ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)}s${counts.skipped ? `; skipped ${counts.skipped}` : ''}`,
    );
  }

  /**
   * Builds one document. The catalog has validated the entity, but one
   * that slipped through with an odd shape is skipped, with a warning, so
   * that the rest are still indexed.
   */
  private build(
    entity: Entity,
    counts: { skipped: number },
    make: () => DataCatalogDocument | undefined,
  ): DataCatalogDocument | undefined {
    try {
      const document = make();
      if (!document) {
        throw new Error(`not a ${entity.kind} of ${DATA_CATALOG_API_VERSION}`);
      }
      return document;
    } catch (error) {
      counts.skipped += 1;
      this.options.logger.warn(
        `Left ${refOf(entity)} out of the search index: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }

  /** Every entity of one of the data catalog's kinds, page by page. */
  private async *read(
    kind: string,
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity> {
    const pages = this.options.catalog.streamEntities(
      {
        // By kind alone: an entity of the kind under another apiVersion is
        // then left out with a warning, rather than silently.
        filter: { kind },
        pageSize: this.options.batchSize,
      },
      { credentials },
    );
    for await (const page of pages) {
      yield* page;
    }
  }

  /** District and BOCES titles by reference, for sources' documents. */
  private async readDistrictTitles(
    credentials: BackstageCredentials,
  ): Promise<Map<string, string>> {
    const titles = new Map<string, string>();
    const pages = this.options.catalog.streamEntities(
      {
        filter: { kind: 'Group', 'spec.type': DISTRICT_GROUP_TYPES },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
        ],
        pageSize: this.options.batchSize,
      },
      { credentials },
    );
    for await (const page of pages) {
      for (const group of page) {
        titles.set(refOf(group), group.metadata.title ?? group.metadata.name);
      }
    }
    return titles;
  }
}
