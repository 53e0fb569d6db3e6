import { makeValidator } from '@backstage/catalog-model';

const validator = makeValidator();

/** Backstage's limit on an entity name. */
export const MAX_NAME_LENGTH = 63;

/** Tells whether text can be an entity's metadata.name. */
export function isValidName(name: string): boolean {
  return validator.isValidEntityName(name);
}

/**
 * Turns a name as people write it into an entity name: lower case, letters
 * and digits joined by single dashes, accents dropped, at most 63
 * characters. `Lexia Core5 (K–5)` becomes `lexia-core5-k-5`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/, '');
}

/**
 * The name of a source a row names only by its system: the district and
 * the system, `alder-creek-map-growth`. A system name that already starts
 * with the district's is not prefixed twice.
 */
export function sourceNameFor(district: string, system: string): string {
  const slug = slugify(system);
  return slug === district || slug.startsWith(`${district}-`)
    ? slug
    : slugify(`${district}-${system}`);
}

/** The name a ref or a bare name points at: `dataelement:default/x` is x. */
export function bareName(ref: string): string {
  return ref.replace(/^[^:/]*:/, '').replace(/^[^/]*\//, '');
}
