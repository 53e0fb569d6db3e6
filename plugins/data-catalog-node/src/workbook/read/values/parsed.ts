/**
 * What a value parser gives: the value, or what it expected instead, in
 * words the import's report puts after "expected".
 */
export type Parsed<T> = { value: T } | { expected: string };

/** Tells a parsed value from a failure. */
export function isParsed<T>(result: Parsed<T>): result is { value: T } {
  return 'value' in result;
}
