import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** An entity read from disk, with the file it came from. */
export interface LoadedEntity {
  file: string;
  entity: Entity;
}

/** The repository root, which holds the demo region's YAML. */
export const DEMO_CATALOG_ROOT = path.resolve(
  require.resolve('@internal/plugin-data-catalog-common/package.json'),
  '../../..',
);

/** Every entity of the demo region under `catalog-info/`. */
export function loadDemoCatalog(): Entity[] {
  return loadCatalogTree(path.join(DEMO_CATALOG_ROOT, 'catalog-info')).map(
    loaded => loaded.entity,
  );
}

/**
 * Reads every YAML document under a folder, as the catalog's file locations
 * would. Used by tests that check the demo catalog without a running
 * catalog; a document that is not YAML fails loudly with its file name.
 */
export function loadCatalogTree(dir: string): LoadedEntity[] {
  const loaded: LoadedEntity[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      loaded.push(...loadCatalogTree(full));
    } else if (/\.ya?ml$/.test(entry.name)) {
      loaded.push(...loadCatalogFile(full));
    }
  }
  return loaded;
}

/** Reads every YAML document of one file. */
export function loadCatalogFile(file: string): LoadedEntity[] {
  const loaded: LoadedEntity[] = [];
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors[0].message}`);
    }
    const entity = doc.toJS();
    if (entity) {
      loaded.push({ file, entity });
    }
  }
  return loaded;
}
