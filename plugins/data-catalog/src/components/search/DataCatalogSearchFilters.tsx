import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  DATA_CATALOG_SEARCH_TYPE,
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
} from '@internal/plugin-data-catalog-common';
import { SearchFilter, useSearch } from '@backstage/plugin-search-react';
import { useCallback } from 'react';
import { CONSTRUCT_LABELS, STAGE_LABELS } from './labels';

const STAGE_OPTIONS = INDICATOR_STAGES.map(stage => ({
  value: stage,
  label: STAGE_LABELS[stage],
}));

const CONSTRUCT_OPTIONS = INDICATOR_CONSTRUCTS.map(construct => ({
  value: construct,
  label: CONSTRUCT_LABELS[construct],
}));

/**
 * The search page's filters for data catalog results: district, stage and
 * construct. Kind and lifecycle need none of their own; the page's Kind
 * and Lifecycle filters narrow these documents' fields of the same names.
 * Shown while all result types or the data catalog's are searched.
 */
export function DataCatalogSearchFilters(props: { className: string }) {
  const { className } = props;
  const { types } = useSearch();
  const catalogApi = useApi(catalogApiRef);

  // The documents hold the district's reference; the filter shows its
  // title. BOCES-wide systems name the BOCES group as their district.
  const districts = useCallback(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group', 'spec.type': ['district', 'boces'] },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
    });
    return items
      .map(group => ({
        value: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
        label: group.metadata.title ?? group.metadata.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);

  if (types.length > 0 && !types.includes(DATA_CATALOG_SEARCH_TYPE)) {
    return <></>;
  }

  return (
    <>
      <SearchFilter.Select
        className={className}
        label="District"
        name="district"
        values={districts}
      />
      <SearchFilter.Select
        className={className}
        label="Stage"
        name="stage"
        values={STAGE_OPTIONS}
      />
      <SearchFilter.Select
        className={className}
        label="Construct"
        name="construct"
        values={CONSTRUCT_OPTIONS}
      />
    </>
  );
}
