/*
 * What is wrong with a YAML document that cannot become an entity, worded
 * once for the catalog module and for the offline `validate`, so that a
 * district reads the same sentence in CI and in the catalog.
 */

/**
 * How many aliases (`*name`) a document may expand, as the `yaml` library
 * counts them, before it is refused. The library's default, which the
 * catalog also uses; a "billion laughs" document nests aliases so that a
 * few hundred bytes would expand to gigabytes.
 */
export const YAML_ALIAS_LIMIT = 100;

/** The replacement character a decoder puts for bytes that are not UTF-8. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Whether an error of the `yaml` library, or its message, is its alias
 * limit; the library has no error code for it.
 */
export function isAliasLimitError(error: unknown): boolean {
  // Read the message rather than test the class: errors of another realm,
  // as in a test runner's sandbox, are no instances of this realm's Error.
  const message =
    typeof error === 'string'
      ? error
      : String((error as { message?: unknown } | null)?.message ?? '');
  return /^excessive alias count/i.test(message);
}

export const ALIAS_LIMIT_MESSAGE =
  `its aliases (*name) expand beyond the limit of ${YAML_ALIAS_LIMIT}, as ` +
  'in a "billion laughs" document; expected an entity written out with few ' +
  'or no aliases';

export const UTF16_MESSAGE =
  'the file is UTF-16; expected the file saved as UTF-8';

/** A value at `field` that held bytes not valid as UTF-8. */
export function notUtf8Message(line?: number): string {
  const where = line === undefined ? '' : ` (line ${line})`;
  return `holds bytes that are not UTF-8, read as "${REPLACEMENT_CHARACTER}"${where}; expected the file saved as UTF-8`;
}

/** A document whose top level is not a mapping. */
export function notAnEntityMessage(value: unknown): string {
  let what: string;
  if (Array.isArray(value)) {
    what = 'a list';
  } else if (typeof value === 'string') {
    what = `the text "${
      value.length > 40 ? `${value.slice(0, 37)}...` : value
    }"`;
  } else {
    what = `a ${typeof value}`;
  }
  return `is ${what}, not an entity; expected a mapping with apiVersion, kind and metadata`;
}

/**
 * The paths of every key and string value that holds the replacement
 * character, `spec.vendor` or `spec.provides[3].field`, in document order.
 */
export function fieldsWithReplacementCharacter(value: unknown): string[] {
  const found: string[] = [];
  // A YAML alias can make a document contain itself; visit each node once.
  const seen = new Set<object>();

  const visit = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      if (node.includes(REPLACEMENT_CHARACTER)) {
        found.push(path);
      }
      return;
    }
    if (!node || typeof node !== 'object' || seen.has(node)) {
      return;
    }
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    for (const [key, inner] of Object.entries(node)) {
      const child = path ? `${path}.${key}` : key;
      if (key.includes(REPLACEMENT_CHARACTER)) {
        found.push(child);
      } else {
        visit(inner, child);
      }
    }
  };

  visit(value, '');
  return found;
}
