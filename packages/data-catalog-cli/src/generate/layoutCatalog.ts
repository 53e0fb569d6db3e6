import { Entity } from '@backstage/catalog-model';
import {
  DataSourceEntityV1alpha1,
  isDataSourceEntity,
} from '@internal/plugin-data-catalog-common';
import { stringify } from 'yaml';

/** One file of a generated catalog, relative to its folder. */
export interface CatalogFile {
  path: string;
  text: string;
}

const ROOT_FILE = 'catalog-info.yaml';

function nameOfRef(ref: string): string {
  return ref.replace(/^[^:]*:/, '').replace(/^[^/]*\//, '');
}

function typeOf(entity: Entity): string | undefined {
  const type = entity.spec?.type;
  return typeof type === 'string' ? type : undefined;
}

function parentOf(entity: Entity): string | undefined {
  const parent = entity.spec?.parent;
  return typeof parent === 'string' ? nameOfRef(parent) : undefined;
}

/** Files as an ordered list of paths, each with its entities in order. */
class FileSet {
  private readonly files = new Map<string, Entity[]>();

  add(file: string, entity: Entity): void {
    const entities = this.files.get(file) ?? [];
    entities.push(entity);
    this.files.set(file, entities);
  }

  entries(): Array<[string, Entity[]]> {
    return [...this.files.entries()].sort(([a], [b]) =>
      a < b ? -1 : Number(a > b),
    );
  }
}

/**
 * Where each group of a generated region goes: a BOCES, its own teams,
 * its member districts and their teams share the BOCES's file under
 * `org/`, the way a regional directory is kept in one place.
 */
function organisationFile(group: Entity, groups: Map<string, Entity>): string {
  // Walks up the parents to the BOCES; the generator's trees are shallow.
  let current: Entity | undefined = group;
  for (let depth = 0; current && depth < 10; depth++) {
    if (typeOf(current) === 'boces') {
      return `org/${current.metadata.name}.yaml`;
    }
    const parent = parentOf(current);
    current = parent ? groups.get(parent) : undefined;
  }
  return `org/${group.metadata.name}.yaml`;
}

function sourceFile(
  source: DataSourceEntityV1alpha1,
  groups: Map<string, Entity>,
): string {
  const district = nameOfRef(source.spec.district);
  // A BOCES's own systems, such as its regional warehouse, sit apart
  // from any district's, as the demo catalog keeps them.
  const group = groups.get(district);
  if (group && typeOf(group) === 'boces') {
    return `boces/${district}.yaml`;
  }
  return `districts/${district}/catalog-info.yaml`;
}

function fileOf(entity: Entity, groups: Map<string, Entity>): string {
  if (entity.kind === 'Group') {
    return organisationFile(entity, groups);
  }
  if (isDataSourceEntity(entity)) {
    return sourceFile(entity, groups);
  }
  if (entity.kind === 'DataElement') {
    return 'shared/elements.yaml';
  }
  if (entity.kind === 'Indicator') {
    return 'shared/indicators.yaml';
  }
  return `other/${entity.kind.toLocaleLowerCase('en-US')}.yaml`;
}

function yamlOf(header: string, entities: Entity[]): string {
  return (
    header +
    entities.map(entity => stringify(entity, { lineWidth: 80 })).join('---\n')
  );
}

/**
 * Lays a generated region out as catalog-info files: one per district
 * folder with its sources, one per BOCES for its groups and one for its
 * own systems, the shared vocabulary and indicators, and a root
 * `catalog-info.yaml` Location that lists every file. The same entities
 * always give the same files, byte for byte.
 */
export function layoutCatalog(
  entities: Entity[],
  options: {
    /** The root Location's name and description. */
    name: string;
    description: string;
    /** A comment at the top of every file; may span lines. */
    header: string;
  },
): CatalogFile[] {
  const groups = new Map(
    entities
      .filter(entity => entity.kind === 'Group')
      .map(group => [group.metadata.name, group]),
  );
  const files = new FileSet();
  for (const entity of entities) {
    files.add(fileOf(entity, groups), entity);
  }

  const header = options.header
    .split('\n')
    .map(line => `# ${line}\n`)
    .join('');
  const written = files.entries().map(([path, contents]) => ({
    path,
    text: yamlOf(header, contents),
  }));

  const root: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: options.name, description: options.description },
    spec: { targets: written.map(file => `./${file.path}`) },
  };
  return [{ path: ROOT_FILE, text: yamlOf(header, [root]) }, ...written];
}
