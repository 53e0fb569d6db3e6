/**
 * Splits a problem's field, such as `spec.provides[2].element`, into the
 * keys and indexes that lead to it: `['spec', 'provides', 2, 'element']`.
 * An empty field is the whole entity.
 */
export function parseFieldPath(field: string): Array<string | number> {
  const path: Array<string | number> = [];
  for (const match of field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    path.push(match[1] !== undefined ? Number(match[1]) : match[2]);
  }
  return path;
}
