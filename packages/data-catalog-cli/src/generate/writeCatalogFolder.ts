import fs from 'node:fs/promises';
import path from 'node:path';
import { CliError, EXIT_CODES } from '../exitCodes';
import { CatalogFile } from './layoutCatalog';

async function entriesOf(folder: string): Promise<string[] | undefined> {
  try {
    return await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Writes the files into a folder that is new or empty. A folder that
 * already holds files is refused rather than mixed into: files left from
 * an earlier, larger region would be read by anyone who points the
 * catalog at the folder with a glob, and are not in the root Location.
 */
export async function writeCatalogFolder(
  outDir: string,
  files: CatalogFile[],
): Promise<void> {
  let existing: string[] | undefined;
  try {
    existing = await entriesOf(outDir);
  } catch (error) {
    throw new CliError(
      `could not read ${outDir}: ${(error as Error).message}`,
      EXIT_CODES.writeFailed,
    );
  }
  if (existing && existing.length > 0) {
    throw new CliError(
      `${outDir} is not empty; generate writes into a new or empty folder`,
      EXIT_CODES.usage,
    );
  }

  try {
    const folders = new Set(files.map(file => path.dirname(file.path)));
    for (const folder of [...folders].sort()) {
      await fs.mkdir(path.join(outDir, folder), { recursive: true });
    }
    for (const file of files) {
      await fs.writeFile(path.join(outDir, file.path), file.text, 'utf8');
    }
  } catch (error) {
    throw new CliError(
      `could not write ${outDir}: ${(error as Error).message}`,
      EXIT_CODES.writeFailed,
    );
  }
}
