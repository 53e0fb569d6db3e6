import { Entity } from '@backstage/catalog-model';
import { ImportPlan } from '@internal/plugin-data-catalog-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CliError, EXIT_CODES } from '../exitCodes';

/** The folder, inside the output folder, for elements proposed for review. */
export const PROPOSED_FOLDER = 'proposed-elements';

/** One file the import writes, relative to the output folder. */
export interface ImportFile {
  file: string;
  entity: Entity;
  /** True when the file replaces one of the same source. */
  replaces: boolean;
}

/**
 * Where each entity of the plan goes: a merged source back into the file
 * it came from, a new source into a file named for it without the
 * district's prefix (`alder-creek-map-growth` into `map-growth.yaml`, as
 * the districts keep them), proposed elements into their own folder.
 */
export function planFiles(
  plan: ImportPlan,
  district: string,
  fileOf: Map<string, string>,
): ImportFile[] {
  const taken = new Set(fileOf.values());
  const files: ImportFile[] = [];

  const claim = (base: string, folder = '') => {
    let candidate = path.join(folder, `${base}.yaml`);
    for (let n = 2; taken.has(candidate); n++) {
      candidate = path.join(folder, `${base}-${n}.yaml`);
    }
    taken.add(candidate);
    return candidate;
  };

  for (const { entity } of plan.sources) {
    const name = entity.metadata.name;
    const known = fileOf.get(name);
    if (known) {
      files.push({ file: known, entity, replaces: true });
      continue;
    }
    const short = name.startsWith(`${district}-`)
      ? name.slice(district.length + 1)
      : name;
    files.push({ file: claim(short || name), entity, replaces: false });
  }
  for (const entity of plan.proposedElements) {
    files.push({
      file: claim(entity.metadata.name, PROPOSED_FOLDER),
      entity,
      replaces: false,
    });
  }
  return files;
}

function yamlOf(entity: Entity, workbook: string): string {
  const header = `# Written by data-catalog import from ${workbook}.\n`;
  return header + stringify(entity, { lineWidth: 80 });
}

async function exists(target: string): Promise<boolean> {
  return fs.stat(target).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the files whole or not at all. Everything goes into a staging
 * folder beside the output folder, which starts as a copy of it; only when
 * every file is written does the staging folder take the output folder's
 * place, by two renames. A failure on the way leaves the output folder as
 * it was.
 */
export async function writeImport(
  outDir: string,
  files: ImportFile[],
  workbook: string,
): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  let staging: string | undefined;
  try {
    await fs.mkdir(parent, { recursive: true });
    staging = await fs.mkdtemp(path.join(parent, `.${base}.import-`));
    const hadFolder = await exists(outDir);
    if (hadFolder) {
      await fs.cp(outDir, staging, { recursive: true });
    }
    // mkdtemp makes the folder private; the result keeps the old folder's
    // mode, or gets the usual one for a new folder.
    const mode = hadFolder ? (await fs.stat(outDir)).mode : 0o755;
    await fs.chmod(staging, mode & 0o7777);
    for (const { file, entity } of files) {
      const target = path.join(staging, file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, yamlOf(entity, workbook), 'utf8');
    }

    if (!hadFolder) {
      await fs.rename(staging, outDir);
      return;
    }
    const previous = `${staging}.previous`;
    await fs.rename(outDir, previous);
    try {
      await fs.rename(staging, outDir);
    } catch (error) {
      await fs.rename(previous, outDir);
      throw error;
    }
    await fs.rm(previous, { recursive: true, force: true });
  } catch (error) {
    if (staging) {
      await fs.rm(staging, { recursive: true, force: true });
    }
    throw new CliError(
      `could not write ${outDir}: ${
        (error as Error).message
      }; nothing was changed`,
      EXIT_CODES.writeFailed,
    );
  }
}
