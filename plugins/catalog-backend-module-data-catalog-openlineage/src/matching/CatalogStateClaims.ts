import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isDataSourceEntity,
  OPENLINEAGE_DATASETS_ANNOTATION,
} from '@internal/plugin-data-catalog-common';
import { Knex } from '../database/migrations';
import { DatasetClaim } from './DatasetMatcher';
import { parseDatasetPatterns } from './datasetPatterns';

/** Where the DataSources' dataset claims are read from. */
export interface ClaimSource {
  loadClaims(): Promise<DatasetClaim[]>;
}

/**
 * Reads the claims from the catalog's processing state, the table where
 * every entity read from a location has a row before it is processed.
 *
 * The catalog's API would do, but only serves entities that finished
 * processing, and this runs inside processing: at start-up each annotated
 * source would wait a whole processing interval for the others. The table
 * is the catalog's, not a published API; the module's tests run against
 * the real catalog on SQLite and PostgreSQL to catch a change.
 */
export class CatalogStateClaims implements ClaimSource {
  constructor(private readonly knex: Knex) {}

  async loadClaims(): Promise<DatasetClaim[]> {
    // The LIKE only narrows the rows to parse; the annotation is checked
    // on each parsed entity.
    const rows: Array<{ entity_ref: string; unprocessed_entity: string }> =
      await this.knex('refresh_state')
        .select('entity_ref', 'unprocessed_entity')
        .where('entity_ref', 'like', 'datasource:%')
        .andWhere(
          'unprocessed_entity',
          'like',
          `%${OPENLINEAGE_DATASETS_ANNOTATION}%`,
        );

    const claims: DatasetClaim[] = [];
    for (const row of rows) {
      const entity = JSON.parse(row.unprocessed_entity) as Entity;
      const value =
        entity.metadata?.annotations?.[OPENLINEAGE_DATASETS_ANNOTATION];
      if (!isDataSourceEntity(entity) || typeof value !== 'string') {
        continue;
      }

      // A source with a bad entry is rejected by the processor with the
      // reason; its good entries still count, as they did before the typo.
      const { patterns } = parseDatasetPatterns(value);
      claims.push({ sourceRef: stringifyEntityRef(entity), patterns });
    }
    return claims;
  }
}
