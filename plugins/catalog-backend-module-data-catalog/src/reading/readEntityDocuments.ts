import {
  Entity,
  entityEnvelopeSchemaValidator,
} from '@backstage/catalog-model';
import {
  ALIAS_LIMIT_MESSAGE,
  describeEntity,
  fieldsWithReplacementCharacter,
  isAliasLimitError,
  notAnEntityMessage,
  notUtf8Message,
  REPLACEMENT_CHARACTER,
  UTF16_MESSAGE,
  YAML_ALIAS_LIMIT,
} from '@internal/plugin-data-catalog-common';
import { Document, LineCounter, parseAllDocuments } from 'yaml';

/** One document of a file, read as an entity or found unreadable. */
export type DocumentReading =
  | {
      type: 'entity';
      entity: Entity;
      /** Why the entity must be rejected though it was read; usually none. */
      problems: string[];
    }
  | {
      type: 'unreadable';
      /** Counted from 1, as a reader counts the documents of a file. */
      document: number;
      line: number;
      column: number;
      message: string;
    };

const validateEnvelope = entityEnvelopeSchemaValidator();

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

// Byte order marks of UTF-16, which editors on Windows write when told to
// save as "Unicode"; decoded as UTF-8 such a file is noise in every line.
function isUtf16(data: Buffer): boolean {
  return (
    data.length >= 2 &&
    ((data[0] === 0xff && data[1] === 0xfe) ||
      (data[0] === 0xfe && data[1] === 0xff))
  );
}

/**
 * Reads every document of a file's bytes the way the catalog's own parser
 * does (YAML 1.2, no merge keys, at most 100 alias expansions), but reports
 * each document that is not an entity on its own instead of failing the
 * whole file: a YAML error, aliases that expand too far, a document that
 * contains itself, a list or text at the top, or no apiVersion, kind and
 * metadata.name. Bytes that are not UTF-8 are read as the replacement
 * character, as the catalog reads them, and every field that holds one is
 * a problem of its entity.
 */
export function readEntityDocuments(data: Buffer): DocumentReading[] {
  if (isUtf16(data)) {
    return [
      {
        type: 'unreadable',
        document: 1,
        line: 1,
        column: 1,
        message: UTF16_MESSAGE,
      },
    ];
  }
  const utf8 = isUtf8(data);
  const text = new TextDecoder('utf-8').decode(data);
  const lineCounter = new LineCounter();

  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { merge: false, lineCounter });
  } catch (error) {
    return [
      {
        type: 'unreadable',
        document: 1,
        line: 1,
        column: 1,
        message: `could not be read as YAML: ${
          (error as Error).message
        }; expected valid YAML`,
      },
    ];
  }

  const readings: DocumentReading[] = [];
  documents.forEach((document, index) => {
    const at = (offset: number) => {
      const { line, col } = lineCounter.linePos(offset);
      return { document: index + 1, line, column: col };
    };
    const unreadable = (offset: number, message: string) =>
      readings.push({ type: 'unreadable', ...at(offset), message });
    const start = document.contents?.range?.[0] ?? document.range[0];

    const error = document.errors[0];
    if (error) {
      const [from, to] = document.range;
      const notUtf8 =
        !utf8 && text.slice(from, to).includes(REPLACEMENT_CHARACTER);
      unreadable(
        error.pos[0],
        `is not valid YAML: ${firstLine(error.message)}; expected valid YAML${
          notUtf8
            ? ` saved as UTF-8 (it holds bytes that are not UTF-8, a likely cause)`
            : ''
        }`,
      );
      return;
    }

    let value: unknown;
    try {
      value = document.toJS({ json: true, maxAliasCount: YAML_ALIAS_LIMIT });
    } catch (failure) {
      unreadable(
        start,
        isAliasLimitError(failure)
          ? ALIAS_LIMIT_MESSAGE
          : `could not be read: ${
              (failure as Error).message
            }; expected valid YAML`,
      );
      return;
    }

    // An empty document, or one of comments only, is nothing; the catalog
    // skips it too.
    if (value === null || value === undefined) {
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      unreadable(start, notAnEntityMessage(value));
      return;
    }
    const problem = envelopeProblem(value);
    if (problem) {
      unreadable(start, problem);
      return;
    }

    const entity = value as Entity;
    const problems = utf8
      ? []
      : fieldsWithReplacementCharacter(entity).map(
          field => `${describeEntity(entity)} ${field}: ${notUtf8Message()}`,
        );
    readings.push({ type: 'entity', entity, problems });
  });
  return readings;
}

/**
 * What would make the catalog refuse the document as an entity, and with
 * it every other document of the same location.
 */
function envelopeProblem(value: object): string | undefined {
  try {
    // A document that contains itself cannot be stored as JSON.
    JSON.stringify(value);
  } catch {
    return 'contains itself through a YAML alias; expected an entity without recursive aliases';
  }
  try {
    validateEnvelope(value);
  } catch (error) {
    return `is not an entity: ${
      (error as Error).message
    }; expected a mapping with apiVersion, kind and metadata.name`;
  }
  const annotations = (value as Entity).metadata.annotations;
  if (
    annotations !== undefined &&
    (typeof annotations !== 'object' ||
      annotations === null ||
      Array.isArray(annotations))
  ) {
    return 'metadata.annotations is not a mapping; expected keys with text values';
  }
  return undefined;
}

/** The yaml library's message without its excerpt and its position. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
