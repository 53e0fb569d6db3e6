import { Entity, stringifyLocationRef } from '@backstage/catalog-model';
import {
  CatalogProcessorParser,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';
import { readEntityDocuments } from './readEntityDocuments';
import { markUnreadable } from './unreadableAnnotation';

/**
 * Stands for a document that is no entity, so that its error has an
 * entity to be kept on. Named after the file and the document's place in
 * it, so that it is the same one on every read, and gone once the
 * document is fixed. A Location, because every catalog that reads files
 * allows that kind; its type is none a processor reads, so that it could
 * not read its file again even if the processor did not reject it first.
 */
function standIn(where: string, document: number, message: string): Entity {
  const hash = createHash('sha1').update(`${where}#${document}`).digest('hex');
  return markUnreadable(
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: `unreadable-${hash}`,
        title: `Document ${document} of ${where}`,
      },
      spec: { type: 'data-catalog-unreadable', target: where },
    },
    [message],
  );
}

/**
 * The catalog's entity data parser, reading each file's documents one by
 * one. The catalog's own parser reports a document that is not an entity
 * as an error of the location that read the file, and a location with an
 * error adds none of its entities: one bad file in a folder read with a
 * glob keeps every entity of the folder out. This one lets the others in
 * and rejects the bad document alone, through a stand-in entity that
 * carries the error where the catalog shows processing errors.
 */
export const entityDataParser: CatalogProcessorParser = async function* parse({
  data,
  location,
}) {
  const where = stringifyLocationRef(location);

  for (const reading of readEntityDocuments(data)) {
    if (reading.type === 'unreadable') {
      const message = `${where}, document ${reading.document} at line ${reading.line}, column ${reading.column}: ${reading.message}`;
      yield processingResult.entity(
        location,
        standIn(where, reading.document, message),
      );
    } else if (reading.problems.length > 0) {
      yield processingResult.entity(
        location,
        markUnreadable(reading.entity, reading.problems),
      );
    } else {
      yield processingResult.entity(location, reading.entity);
    }
  }
};
