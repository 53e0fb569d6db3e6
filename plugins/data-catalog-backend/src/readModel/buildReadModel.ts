import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DATA_SOURCE_KIND,
  DATA_TEAM_ANNOTATION,
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
  RELATION_FED_BY,
  toElementRecord,
  toIndicatorRecord,
  toSourceRecord,
} from '@internal/plugin-data-catalog-common';
import { DistrictRecord, FeedRecord, ReadModel } from './types';

/** A full, lower-case entity reference, as the read model keys rows. */
export function refOf(
  ref: string,
  defaults: { defaultKind: string; defaultNamespace: string },
): string {
  return stringifyEntityRef(parseEntityRef(ref, defaults)).toLocaleLowerCase(
    'en-US',
  );
}

/**
 * Turns the catalog's entities into the read model. Expects entities the
 * catalog accepted, so every reference parses; groups that are neither a
 * district nor a BOCES are left out.
 */
export function buildReadModel(entities: Entity[]): ReadModel {
  const model: ReadModel = {
    districts: [],
    sources: [],
    elements: [],
    indicators: [],
  };

  for (const entity of entities) {
    const namespace = entity.metadata.namespace ?? 'default';
    const ref = (kind: string, value: string) =>
      refOf(value, { defaultKind: kind, defaultNamespace: namespace });

    if (isDataSourceEntity(entity)) {
      const { spec } = entity;
      model.sources.push({
        ...toSourceRecord(entity),
        name: entity.metadata.name,
        category: spec.category,
        owner: ref('group', spec.owner),
        steward: spec.steward ? ref('user', spec.steward) : undefined,
        accessFrequency: spec.access.frequency,
        privacy: spec.privacy,
        fedBy: mergeFeeds(
          (spec.fedBy ?? []).map(feed => ({
            upstream: ref('datasource', feed.source),
            elements: (feed.elements ?? []).map(e => ref('dataelement', e)),
          })),
          fedByRelations(entity),
        ),
      });
    } else if (isDataElementEntity(entity)) {
      model.elements.push({
        ...toElementRecord(entity),
        name: entity.metadata.name,
        domain: entity.spec.domain,
        owner: ref('group', entity.spec.owner),
        cedsId: entity.spec.ceds?.id,
        edFiResource: entity.spec.edFi?.resource,
      });
    } else if (isIndicatorEntity(entity)) {
      model.indicators.push({
        ...toIndicatorRecord(entity),
        name: entity.metadata.name,
        owner: ref('group', entity.spec.owner),
      });
    } else if (isDistrictGroup(entity)) {
      const dataTeam = entity.metadata.annotations?.[DATA_TEAM_ANNOTATION];
      const district: DistrictRecord = {
        ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        name: entity.metadata.name,
        title:
          (entity.spec?.profile as { displayName?: string } | undefined)
            ?.displayName ??
          entity.metadata.title ??
          entity.metadata.name,
        type: entity.spec?.type as DistrictRecord['type'],
        parent:
          typeof entity.spec?.parent === 'string'
            ? ref('group', entity.spec.parent)
            : undefined,
        dataTeam: dataTeam ? ref('group', dataTeam) : undefined,
      };
      model.districts.push(district);
    }
  }
  return model;
}

function isDistrictGroup(entity: Entity): boolean {
  return (
    entity.kind === 'Group' &&
    (entity.spec?.type === 'district' || entity.spec?.type === 'boces')
  );
}

/**
 * The upstream sources of the entity's `fedBy` relations. The catalog adds
 * one for each feed in spec.fedBy, and modules add more from what they
 * observe (OpenLineage run events), which YAML does not hold.
 */
function fedByRelations(entity: Entity): string[] {
  const sourcePrefix = `${DATA_SOURCE_KIND.toLocaleLowerCase('en-US')}:`;
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_FED_BY)
    .map(r => r.targetRef.toLocaleLowerCase('en-US'))
    .filter(target => target.startsWith(sourcePrefix));
}

/**
 * One feed per upstream source. YAML may list an upstream twice (two files
 * on different schedules); the elements are pooled, and a feed that names
 * none may carry anything, so the pooled feed names none either.
 *
 * An upstream known only from a relation is added with no elements: it
 * shows that data flows, not which. An upstream spec.fedBy names already
 * keeps its elements, since its own relation says nothing more.
 */
function mergeFeeds(feeds: FeedRecord[], related: string[]): FeedRecord[] {
  const byUpstream = new Map<string, FeedRecord>();
  for (const feed of feeds) {
    const earlier = byUpstream.get(feed.upstream);
    if (!earlier) {
      byUpstream.set(feed.upstream, { ...feed, elements: [...feed.elements] });
    } else if (earlier.elements.length === 0 || feed.elements.length === 0) {
      earlier.elements = [];
    } else {
      earlier.elements = [...new Set([...earlier.elements, ...feed.elements])];
    }
  }
  for (const upstream of related) {
    if (!byUpstream.has(upstream)) {
      byUpstream.set(upstream, { upstream, elements: [] });
    }
  }
  return [...byUpstream.values()];
}
