import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { CliError, EXIT_CODES } from '../exitCodes';

/** One entity as a YAML file holds it, with what is needed to point at it. */
export interface CatalogDocument {
  file: string;
  entity: Entity;
  /** The parsed document, whose nodes know their offsets in the file. */
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** A file, or a document in it, that could not be read as YAML. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CatalogFiles {
  documents: CatalogDocument[];
  problems: FileProblem[];
}

/** The YAML files under the given files and folders, in a stable order. */
export async function listYamlFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch {
      throw new CliError(
        `${given} does not exist; expected a catalog-info YAML file or a folder of them`,
        EXIT_CODES.catalogUnreadable,
      );
    }
    if (stat.isDirectory()) {
      const entries = await fs.readdir(given, {
        recursive: true,
        withFileTypes: true,
      });
      for (const entry of entries) {
        if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
          files.push(path.join(entry.parentPath, entry.name));
        }
      }
    } else {
      files.push(given);
    }
  }

  // `catalog-info` and `./catalog-info/` name the same files; read them once.
  const byLocation = new Map<string, string>();
  for (const file of files) {
    const location = path.resolve(file);
    if (!byLocation.has(location)) {
      byLocation.set(location, file);
    }
  }
  return [...byLocation.values()].sort();
}

/**
 * Reads every YAML document of the given files and folders. A document that
 * is not valid YAML, or not a mapping, becomes a problem with its position;
 * the other documents are still read.
 */
export async function readCatalogFiles(paths: string[]): Promise<CatalogFiles> {
  const documents: CatalogDocument[] = [];
  const problems: FileProblem[] = [];

  for (const file of await listYamlFiles(paths)) {
    const text = await readText(file);
    const lineCounter = new LineCounter();
    for (const document of parseAllDocuments(text, { lineCounter })) {
      const at = (offset: number) => {
        const position = lineCounter.linePos(offset);
        return { file, line: position.line, column: position.col };
      };

      const error = document.errors[0];
      if (error) {
        problems.push({ ...at(error.pos[0]), message: firstLine(error) });
        continue;
      }

      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: 100 });
      } catch (failure) {
        // Too many aliases, or an alias to nothing: still a problem of
        // this document only.
        problems.push({
          ...at(document.range[0]),
          message: (failure as Error).message,
        });
        continue;
      }
      if (value === null || value === undefined) {
        continue;
      }
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({
          ...at(document.contents?.range?.[0] ?? document.range[0]),
          message:
            'expected an entity, a mapping with apiVersion, kind and metadata',
        });
        continue;
      }
      documents.push({ file, entity: value as Entity, document, lineCounter });
    }
  }
  return { documents, problems };
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `${file} could not be read: ${(error as Error).message}`,
      EXIT_CODES.catalogUnreadable,
    );
  }
}

/**
 * The yaml library's message without the excerpt it appends and without
 * its own "at line 3, column 7", since the problem carries its position.
 */
function firstLine(error: Error): string {
  return error.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
}
