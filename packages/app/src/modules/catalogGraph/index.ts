import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import {
  DATA_CATALOG_RELATION_PAIRS,
  RELATION_ELEMENT_PROVIDED_BY,
  RELATION_PROVIDES_ELEMENT,
} from '@internal/plugin-data-catalog-common';

/**
 * The catalog graph draws only the relations it knows. This module replaces
 * its API with one that also knows the data catalog's relation pairs, so that
 * districts, stewards, elements and lineage show on every graph.
 */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [
                ...ALL_RELATIONS,
                ...DATA_CATALOG_RELATION_PAIRS.flat(),
              ],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                ...DATA_CATALOG_RELATION_PAIRS.map(
                  ([forward, reverse]) =>
                    [forward, reverse] as [string, string],
                ),
              ],
              // A source provides dozens of elements, which would bury its
              // lineage; the graph page still offers them as a filter.
              defaultRelationTypes: {
                exclude: [
                  RELATION_PROVIDES_ELEMENT,
                  RELATION_ELEMENT_PROVIDED_BY,
                ],
              },
            }),
        }),
    }),
  ],
});
