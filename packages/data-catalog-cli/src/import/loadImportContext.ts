import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { DATA_TEAM_ANNOTATION } from '@internal/plugin-data-catalog-common';
import { ImportContext } from '@internal/plugin-data-catalog-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readCatalogFiles } from '../catalog/readCatalogFiles';
import { CliError, EXIT_CODES } from '../exitCodes';

/** What the import matches rows against, and where its sources live. */
export interface LoadedImportContext {
  context: ImportContext;
  /** The file each source already in the output folder is kept in. */
  fileOf: Map<string, string>;
}

const MATCHED_KINDS = ['group', 'user', 'dataelement', 'datasource'];

function kindOf(entity: Entity): string {
  return String(entity.kind).toLocaleLowerCase('en-US');
}

function listFailure(catalogDir: string, lines: string[]): CliError {
  return new CliError(
    `the catalog in ${catalogDir} has files that are not valid YAML; fix them or run \`data-catalog validate\`:\n${lines.join(
      '\n',
    )}`,
    EXIT_CODES.catalogUnreadable,
  );
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads the catalog the import matches names against (groups, users, the
 * element vocabulary and the district's sources) and the sources already
 * in the output folder, which the import merges into.
 */
export async function loadImportContext(options: {
  catalogDir: string;
  outDir: string;
  district: string;
  workbook: string;
}): Promise<LoadedImportContext> {
  const { catalogDir, outDir, district } = options;
  if (!(await isFolder(catalogDir))) {
    throw new CliError(
      `${catalogDir} is not a folder; expected the catalog-info folder that holds the region's groups, users and data elements (--catalog)`,
      EXIT_CODES.catalogUnreadable,
    );
  }

  const catalog = await readCatalogFiles([catalogDir]);
  if (catalog.problems.length > 0) {
    throw listFailure(
      catalogDir,
      catalog.problems.map(
        p => `  ${p.file}:${p.line}:${p.column}  ${p.message}`,
      ),
    );
  }
  const entities = catalog.documents
    .map(d => d.entity)
    .filter(e => MATCHED_KINDS.includes(kindOf(e)));

  const districts = entities.filter(
    e => kindOf(e) === 'group' && e.spec?.type === 'district',
  );
  const group = districts.find(d => d.metadata.name === district);
  if (!group) {
    throw new CliError(
      `no district "${district}" in ${catalogDir}; expected the name of a group of type district, one of: ${
        districts
          .map(d => d.metadata.name)
          .sort()
          .join(', ') || '(none)'
      }`,
      EXIT_CODES.usage,
    );
  }

  const fileOf = new Map<string, string>();
  const existing = new Map<string, Entity>();
  if (await isFolder(outDir)) {
    const own = await readCatalogFiles([outDir]);
    if (own.problems.length > 0) {
      throw listFailure(
        outDir,
        own.problems.map(
          p => `  ${p.file}:${p.line}:${p.column}  ${p.message}`,
        ),
      );
    }
    for (const { entity, file } of own.documents) {
      if (kindOf(entity) === 'datasource' && entity.metadata?.name) {
        existing.set(entity.metadata.name, entity);
        fileOf.set(entity.metadata.name, path.relative(outDir, file));
      }
    }
  }

  const dataTeam = group.metadata.annotations?.[DATA_TEAM_ANNOTATION];
  const defaultOwner = dataTeam
    ? `group:${parseEntityRef(dataTeam, { defaultKind: 'group' }).name}`
    : `group:${district}`;

  return {
    context: {
      district,
      defaultOwner,
      catalog: entities,
      existing,
      workbookName: path.basename(options.workbook),
    },
    fileOf,
  };
}
