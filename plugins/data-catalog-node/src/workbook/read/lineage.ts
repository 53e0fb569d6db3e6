import { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  DATA_SOURCE_KIND,
  SourceFeed,
} from '@internal/plugin-data-catalog-common';
import { normalizeLabel } from '../layout';
import { ParsedRow, LineageFields } from './parseRows';
import { ElementResolver } from './resolveElements';
import { SourceDraft, SourceDrafts } from './sourceDrafts';
import { RowPlace, RowProblem } from './types';

/** One feed of the Lineage sheet and the row it came from. */
export interface PlacedFeed {
  feed: SourceFeed;
  place: RowPlace;
}

export interface Lineage {
  /** The feeds of each source, by the source's lower-case name. */
  feeds: Map<string, PlacedFeed[]>;
  /** The source each lineage row feeds, by the row's index. */
  receivers: Array<{ draft: SourceDraft; upstream: string } | undefined>;
  problems: RowProblem[];
}

function catalogSourceFinder(catalog: Entity[]) {
  const byName = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const entity of catalog) {
    if (
      entity.apiVersion !== DATA_CATALOG_API_VERSION ||
      entity.kind !== DATA_SOURCE_KIND
    ) {
      continue;
    }
    const namespace = entity.metadata.namespace ?? 'default';
    const ref =
      namespace === 'default'
        ? `datasource:${entity.metadata.name}`
        : `datasource:${namespace}/${entity.metadata.name}`;
    byName.set(entity.metadata.name.toLocaleLowerCase('en-US'), ref);
    if (entity.metadata.title) {
      byTitle.set(normalizeLabel(entity.metadata.title), ref);
    }
  }
  return (text: string) =>
    byName.get(text.replace(/^datasource:/i, '').toLocaleLowerCase('en-US')) ??
    byTitle.get(normalizeLabel(text));
}

/**
 * Reads the Lineage sheet into `spec.fedBy`: each row a feed into one of
 * the workbook's sources from another of them or from a source elsewhere
 * in the catalog, with the elements it carries. Rows for the same pair of
 * sources make one feed.
 */
export function readLineage(
  rows: ParsedRow<LineageFields>[],
  sources: SourceDrafts,
  catalog: Entity[],
  elements: ElementResolver,
  columnOf: (sheet: string, key: string) => string,
): Lineage {
  const findCatalogSource = catalogSourceFinder(catalog);
  const feeds = new Map<string, PlacedFeed[]>();
  const problems: RowProblem[] = [];

  const receivers = rows.map(row => {
    const place = { sheet: row.sheet, row: row.row };
    const problem = (key: string, value: string | undefined, message: string) =>
      problems.push({
        ...place,
        column: columnOf(row.sheet, key),
        value,
        message,
      });
    const { sourceId, fedBy, elements: elementText, notes } = row.values;

    const draft = sourceId ? sources.find(sourceId) : undefined;
    if (!draft) {
      problem(
        'sourceId',
        sourceId,
        'expected the Source ID of a source in this workbook',
      );
      return undefined;
    }
    const upstreamDraft = fedBy ? sources.find(fedBy) : undefined;
    const upstream = upstreamDraft
      ? `datasource:${upstreamDraft.name}`
      : fedBy && findCatalogSource(fedBy);
    if (!upstream) {
      problem(
        'fedBy',
        fedBy,
        'expected the Source ID of a source in this workbook or in the catalog',
      );
      return undefined;
    }

    const refs: string[] = [];
    for (const text of (elementText ?? '').split(/[,;\n]/)) {
      if (text.trim() === '') {
        continue;
      }
      const name = elements.find(text.trim());
      if (!name) {
        problem(
          'elements',
          text.trim(),
          'expected the Element ID of an element in the vocabulary or in this workbook',
        );
        continue;
      }
      refs.push(`dataelement:${name}`);
    }

    const key = draft.name.toLocaleLowerCase('en-US');
    const list = feeds.get(key) ?? [];
    feeds.set(key, list);
    const same = list.find(placed => placed.feed.source === upstream);
    if (same) {
      const carried = new Set([...(same.feed.elements ?? []), ...refs]);
      if (carried.size > 0) {
        same.feed.elements = [...carried];
      }
      if (!same.feed.note && notes) {
        same.feed.note = notes;
      }
    } else {
      list.push({
        place,
        feed: {
          source: upstream,
          ...(refs.length > 0 ? { elements: [...new Set(refs)] } : {}),
          ...(notes ? { note: notes } : {}),
        },
      });
    }
    return { draft, upstream };
  });

  return { feeds, receivers, problems };
}
