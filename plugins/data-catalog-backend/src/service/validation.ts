import { InputError } from '@backstage/errors';
import { refOf } from '../readModel/buildReadModel';
import { z } from 'zod';

/**
 * Parses a request part against a schema, or throws an InputError that names
 * every offending field, so that a client can fix its request.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.flatMap(issue => {
      const at = [where, ...issue.path.map(String)];
      // Zod reports every unknown key in one issue on the parent; one
      // problem per key names each the way the other problems name theirs.
      if (issue.code === 'unrecognized_keys') {
        const what = where === 'query' ? 'parameter' : 'field';
        return issue.keys.map(
          key => `${[...at, key].join('.')}: unknown ${what}`,
        );
      }
      return [`${at.join('.')}: ${issue.message}`];
    });
    throw new InputError(`Invalid request ${where}: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Reads an entity reference from a query parameter, naming it if bad. */
export function refQuery(value: string, kind: string, name: string): string {
  try {
    return refOf(value, { defaultKind: kind, defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `Invalid request query: query.${name}: "${value}" is not a ${kind} name or reference`,
    );
  }
}

/**
 * Reads an entity reference from a path parameter: a bare name in the
 * default namespace (`alder-creek`) or a full reference
 * (`group:default/alder-creek`).
 */
export function refParam(value: string, kind: string, name: string): string {
  try {
    return refOf(value, { defaultKind: kind, defaultNamespace: 'default' });
  } catch {
    throw new InputError(
      `Invalid request path: path.${name}: "${value}" is not a ${kind} name or reference`,
    );
  }
}
