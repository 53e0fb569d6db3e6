import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { DATA_CATALOG_SUBJECT_RESOURCE_TYPE } from '@internal/plugin-data-catalog-common';
import { ReadModelStore } from '../database/ReadModelStore';

/**
 * What owners write about, with who may write: a source (its owner and its
 * district's data team) or a district (its data team).
 */
export interface DataCatalogSubject {
  ref: string;
  /** Entity references of the groups and users who may write. */
  writers: string[];
}

/** Query form of the rules; the plugin never filters lists by permission. */
export type DataCatalogSubjectQuery = { writerIn: string[] };

/** The permission framework's handle on the data catalog's subjects. */
export const dataCatalogSubjectResourceRef = createPermissionResourceRef<
  DataCatalogSubject,
  DataCatalogSubjectQuery
>().with({
  pluginId: 'data-catalog',
  resourceType: DATA_CATALOG_SUBJECT_RESOURCE_TYPE,
});

/** Works out who may write about each subject, from the read model. */
export class SubjectResolver {
  constructor(private readonly store: ReadModelStore) {}

  async resolve(
    refs: string[],
  ): Promise<Array<DataCatalogSubject | undefined>> {
    const [sources, districts] = await Promise.all([
      this.store.getSources({
        refs: refs.filter(r => r.startsWith('datasource:')),
      }),
      this.store.listDistricts(),
    ]);
    const teamOf = new Map(districts.map(d => [d.ref, d.dataTeam]));
    const sourceOf = new Map(sources.map(s => [s.ref, s]));

    return refs.map(ref => {
      const source = sourceOf.get(ref);
      if (source) {
        const team = teamOf.get(source.district);
        return { ref, writers: team ? [source.owner, team] : [source.owner] };
      }
      if (teamOf.has(ref)) {
        const team = teamOf.get(ref);
        return { ref, writers: team ? [team] : [] };
      }
      return undefined;
    });
  }
}
