import { isMap, isNode, isScalar, Node } from 'yaml';
import { CatalogDocument } from '../catalog/readCatalogFiles';
import { parseFieldPath } from './parseFieldPath';

/** A place in a file, both numbers counted from 1 as editors show them. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Where in its file a field of an entity is written. A field that is not
 * there, such as a missing required one, points at the nearest mapping
 * that is, since that is where it has to be added; an entity with nothing
 * usable points at the start of its document.
 */
export function locateProblem(
  source: CatalogDocument,
  field: string,
): Position {
  const { document } = source;
  const path = parseFieldPath(field);

  for (let depth = path.length; depth > 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const parent = document.getIn(path.slice(0, depth - 1), true);
      return toPosition(source, startOf(node, node.range, parent));
    }
  }

  return toPosition(source, document.contents?.range?.[0] ?? document.range[0]);
}

/**
 * Where a node starts; for a key written with no value (`owner:`), where
 * its key starts, since the empty value's own offset is after the colon.
 */
function startOf(node: Node, range: Node['range'] & {}, parent: unknown) {
  const empty = isScalar(node) && node.value === null && range[0] === range[1];
  if (empty && isMap(parent)) {
    const pair = parent.items.find(item => item.value === node);
    if (pair && isNode(pair.key) && pair.key.range) {
      return pair.key.range[0];
    }
  }
  return range[0];
}

function toPosition(source: CatalogDocument, offset: number): Position {
  const at = source.lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}
