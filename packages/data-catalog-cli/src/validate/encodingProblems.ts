import {
  describeEntity,
  fieldsWithReplacementCharacter,
  notUtf8Message,
  REPLACEMENT_CHARACTER,
  UTF16_MESSAGE,
} from '@internal/plugin-data-catalog-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CatalogDocument } from '../catalog/readCatalogFiles';
import { locateProblem } from './locateProblem';
import type { LocatedProblem } from './validateCatalog';

/** What the bytes of the checked files say, apart from their YAML. */
export interface EncodingProblems {
  problems: LocatedProblem[];
  /** Files saved as UTF-16: every other problem of theirs is noise. */
  utf16Files: Set<string>;
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

function isUtf16(data: Buffer): boolean {
  return (
    data.length >= 2 &&
    ((data[0] === 0xff && data[1] === 0xfe) ||
      (data[0] === 0xfe && data[1] === 0xff))
  );
}

/** Line and column of the first byte that is not UTF-8. */
function firstInvalidByte(data: Buffer): { line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(data);
  const before = text.slice(0, text.indexOf(REPLACEMENT_CHARACTER)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * The problems the catalog's parser finds in a file's bytes: a file saved
 * as UTF-16, and each field of an entity that holds bytes which are not
 * UTF-8, which the tool, like the catalog, reads as the replacement
 * character. Bytes that are not UTF-8 where no field has them, as in a
 * document that is not valid YAML, are one problem of the file, at the
 * first such byte, beside its YAML problem.
 */
export async function encodingProblems(
  files: string[],
  documents: CatalogDocument[],
  filesWithYamlProblems: Set<string>,
): Promise<EncodingProblems> {
  const problems: LocatedProblem[] = [];
  const utf16Files = new Set<string>();

  for (const file of files) {
    // readCatalogFiles has read the file already, so it can be read.
    const data = await fs.readFile(file);
    if (isUtf16(data)) {
      utf16Files.add(file);
      problems.push({ file, line: 1, column: 1, message: UTF16_MESSAGE });
      continue;
    }
    if (isUtf8(data)) {
      continue;
    }

    let found = 0;
    for (const source of documents.filter(d => same(d.file, file))) {
      for (const field of fieldsWithReplacementCharacter(source.entity)) {
        found += 1;
        problems.push({
          file,
          ...locateProblem(source, field),
          entity: describeEntity(source.entity),
          field,
          message: notUtf8Message(),
        });
      }
    }
    if (found === 0 && filesWithYamlProblems.has(file)) {
      const at = firstInvalidByte(data);
      problems.push({ file, ...at, message: notUtf8Message(at.line) });
    }
  }
  return { problems, utf16Files };
}

function same(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
