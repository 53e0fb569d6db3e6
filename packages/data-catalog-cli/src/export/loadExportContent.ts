import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
  toElementRecord,
  toIndicatorRecord,
  toSourceRecord,
  validateDataCatalogEntity,
} from '@internal/plugin-data-catalog-common';
import { WorkbookContent } from '@internal/plugin-data-catalog-node';
import { readCatalogFiles } from '../catalog/readCatalogFiles';
import { CliError, EXIT_CODES } from '../exitCodes';
import { assessOffline } from './assessOffline';

export interface ExportScope {
  /** A district group's name; the whole region when left out. */
  district?: string;
}

export interface LoadedExport {
  content: WorkbookContent;
  /** Entities left out because they do not validate, one line each. */
  skipped: string[];
}

function isGroupOfType(entity: Entity, types: string[]): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'group' &&
    types.includes(String(entity.spec?.type))
  );
}

/**
 * Reads a catalog folder and gathers what the workbook of one district, or
 * of the region, shows. Entities the catalog would reject are left out and
 * named, as the catalog leaves them out of the portal.
 */
export async function loadExportContent(
  catalogDir: string,
  scope: ExportScope,
): Promise<LoadedExport> {
  const { documents, problems } = await readCatalogFiles([catalogDir]);
  if (problems.length > 0) {
    const lines = problems.map(
      p => `  ${p.file}:${p.line}:${p.column}  ${p.message}`,
    );
    throw new CliError(
      `the catalog in ${catalogDir} has files that are not valid YAML; fix them or run \`data-catalog validate\`:\n${lines.join(
        '\n',
      )}`,
      EXIT_CODES.catalogUnreadable,
    );
  }

  const skipped: string[] = [];
  const entities = documents
    .map(d => d.entity)
    .filter(entity => {
      const found = validateDataCatalogEntity(entity);
      if (found.length > 0) {
        skipped.push(
          `${found[0].entity}: ${found[0].field} ${found[0].message}`,
        );
      }
      return found.length === 0;
    });

  const districts = entities.filter(e => isGroupOfType(e, ['district']));
  const chosen = scope.district
    ? districts.filter(d => d.metadata.name === scope.district)
    : districts;
  if (scope.district && chosen.length === 0) {
    throw new CliError(
      `no district "${
        scope.district
      }" in ${catalogDir}; expected the name of a group of type district, one of: ${districts
        .map(d => d.metadata.name)
        .sort()
        .join(', ')}`,
      EXIT_CODES.usage,
    );
  }

  const allSources = entities.filter(isDataSourceEntity);
  const chosenRefs = new Set(chosen.map(d => refOf(d)));
  const sources = scope.district
    ? allSources.filter(s => chosenRefs.has(toSourceRecord(s).district))
    : allSources;
  const elements = entities.filter(isDataElementEntity);
  const indicators = entities.filter(isIndicatorEntity);
  const gaps = assessOffline(
    chosen,
    allSources,
    elements.map(toElementRecord),
    indicators.map(toIndicatorRecord),
  );

  const title = scope.district
    ? chosen[0].metadata.title ?? chosen[0].metadata.name
    : 'the region';
  return {
    skipped,
    content: {
      title,
      sources,
      elements,
      indicators,
      people: entities.filter(e =>
        ['group', 'user'].includes(e.kind.toLocaleLowerCase('en-US')),
      ),
      gaps,
      districtTitles: new Map(
        entities
          .filter(e => isGroupOfType(e, ['district', 'boces']))
          .map(d => [refOf(d), d.metadata.title ?? d.metadata.name]),
      ),
      actions: [],
      actionsNote:
        'Action items are kept in the portal; download the workbook from the district gap view to include them.',
    },
  };
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
