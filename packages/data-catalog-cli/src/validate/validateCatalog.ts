import { validateCatalogSet } from '@internal/plugin-data-catalog-common';
import path from 'node:path';
import {
  FileProblem,
  listYamlFiles,
  readCatalogFiles,
} from '../catalog/readCatalogFiles';
import { CliError, EXIT_CODES } from '../exitCodes';
import { attributeProblems } from './attributeProblems';
import { encodingProblems } from './encodingProblems';
import { explainFileProblem } from './explainFileProblem';
import { locateProblem, Position } from './locateProblem';

/** One problem to show, at the place in its file that has to change. */
export interface LocatedProblem extends Position {
  file: string;
  /** The entity's reference; absent when the file is not readable YAML. */
  entity?: string;
  /** The field's path, such as `spec.provides[2].element`. */
  field?: string;
  message: string;
  /** For an entity defined twice, where its first definition is. */
  firstDefinition?: Position & { file: string };
}

/** What `validate` found, and how much it read to find it. */
export interface ValidationReport {
  problems: LocatedProblem[];
  files: number;
  entities: number;
  contextFiles: number;
  contextEntities: number;
  /** Context files that are not readable YAML; their entities are missing. */
  unreadableContext: FileProblem[];
}

/**
 * Checks the entities of `paths` as one set together with those of
 * `context`, and reports the problems of `paths` only. Context is read
 * first, so that an entity of `paths` that redefines one of the context
 * is the duplicate, reported where the user can fix it.
 */
export async function validateCatalog(
  paths: string[],
  context: string[] = [],
): Promise<ValidationReport> {
  const files = await listYamlFiles(paths);
  if (files.length === 0) {
    // Most likely a wrong folder in a CI step, which must not pass silently.
    throw new CliError(
      `no YAML files in ${paths.join(', ')}; expected catalog-info YAML files`,
      EXIT_CODES.catalogUnreadable,
    );
  }

  // A file that is both checked and context is checked, and read once.
  const checked = new Set(files.map(file => path.resolve(file)));
  const contextFiles = (await listYamlFiles(context)).filter(
    file => !checked.has(path.resolve(file)),
  );

  const contextRead = await readCatalogFiles(contextFiles);
  const read = await readCatalogFiles(files);
  const encoding = await encodingProblems(
    files,
    read.documents,
    new Set(read.problems.map(problem => problem.file)),
  );
  // A UTF-16 file read as UTF-8 is noise; its one problem says why.
  const readable = read.documents.filter(d => !encoding.utf16Files.has(d.file));
  const documents = [...contextRead.documents, ...readable];
  const isChecked = new Set(readable);

  const setProblems = validateCatalogSet(documents.map(d => d.entity));
  const problems: LocatedProblem[] = [
    ...read.problems
      .filter(problem => !encoding.utf16Files.has(problem.file))
      .map(explainFileProblem),
    ...encoding.problems,
  ];
  for (const found of attributeProblems(setProblems, documents)) {
    if (!isChecked.has(found.source)) {
      continue;
    }
    const { entity, field, message } = found.problem;
    const first = found.firstDefinition;
    problems.push({
      file: found.source.file,
      ...locateProblem(found.source, field),
      entity,
      field,
      message,
      firstDefinition: first && {
        file: first.file,
        ...locateProblem(first, 'metadata.name'),
      },
    });
  }

  return {
    problems: problems.sort(byPlace),
    files: files.length,
    entities: readable.length,
    contextFiles: contextFiles.length,
    contextEntities: contextRead.documents.length,
    unreadableContext: contextRead.problems,
  };
}

function byPlace(a: LocatedProblem, b: LocatedProblem): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.field ?? '', b.field ?? '') ||
    compareText(a.message, b.message)
  );
}

// Plain code-unit order, as listYamlFiles sorts: the same on every machine.
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
