import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { EntityLookup } from './EntityLookup';

// Stays well under the bind-parameter limits of SQLite and PostgreSQL.
const BATCH_SIZE = 500;

/**
 * Looks entities up in the catalog's own processing state, where every
 * entity read from a location has a row before it is processed.
 *
 * The catalog's API only serves entities that have finished processing, so
 * a source fed by a source that feeds it back could never be accepted
 * through it: each would wait for the other. The table read here is the
 * catalog's, not a published API; the module's integration tests run
 * against the real catalog on SQLite and PostgreSQL to catch a change.
 */
export class CatalogStateEntityLookup implements EntityLookup {
  constructor(private readonly knex: Knex) {}

  async getEntities(refs: string[]): Promise<Map<string, Entity>> {
    const wanted = [
      ...new Set(refs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    const found = new Map<string, Entity>();

    for (let i = 0; i < wanted.length; i += BATCH_SIZE) {
      const rows: Array<{ entity_ref: string; unprocessed_entity: string }> =
        await this.knex('refresh_state')
          .select('entity_ref', 'unprocessed_entity')
          .whereIn('entity_ref', wanted.slice(i, i + BATCH_SIZE));
      for (const row of rows) {
        found.set(
          row.entity_ref.toLocaleLowerCase('en-US'),
          JSON.parse(row.unprocessed_entity),
        );
      }
    }
    return found;
  }
}
