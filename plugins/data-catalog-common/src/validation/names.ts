import { Entity, makeValidator } from '@backstage/catalog-model';
import { describeNonAscii } from './lookalikes';
import { EntityProblem } from './problems';

/** The longest name or namespace the catalog accepts. */
export const MAX_NAME_LENGTH = 63;

const validator = makeValidator();

type FieldProblem = Omit<EntityProblem, 'entity'>;

const FIELDS = [
  {
    field: 'metadata.name',
    isValid: (value: string) => validator.isValidEntityName(value),
    expected:
      'letters, digits, -, _ and . only, starting and ending with a letter or digit',
  },
  {
    field: 'metadata.namespace',
    isValid: (value: string) => validator.isValidNamespace(value),
    expected:
      'lower-case letters, digits and - only, starting and ending with a letter or digit',
  },
] as const;

function valueOf(entity: Entity, field: string): unknown {
  const metadata = entity.metadata as Record<string, unknown> | undefined;
  return metadata?.[field.slice('metadata.'.length)];
}

/**
 * Characters that are not ASCII in the entity's name or namespace, each
 * named, with the ASCII name to write instead. The catalog rejects such a
 * name too, but its message does not say which character is wrong, and a
 * look-alike cannot be seen.
 */
export function nonAsciiNameProblems(entity: Entity): FieldProblem[] {
  return FIELDS.flatMap(({ field, isValid }) => {
    const value = valueOf(entity, field);
    const message =
      typeof value === 'string' ? describeNonAscii(value, isValid) : undefined;
    return message ? [{ field, message }] : [];
  });
}

/**
 * The catalog's rules for names and namespaces, checked here so that a
 * district's offline check rejects what the catalog will: ASCII only, at
 * most 63 characters, and the catalog's characters.
 */
export function nameProblems(entity: Entity): FieldProblem[] {
  const nonAscii = nonAsciiNameProblems(entity);

  return FIELDS.flatMap(({ field, isValid, expected }) => {
    const own = nonAscii.filter(problem => problem.field === field);
    if (own.length > 0) {
      return own;
    }
    const value = valueOf(entity, field);
    if (value === undefined && field === 'metadata.namespace') {
      return [];
    }
    if (typeof value !== 'string' || value === '') {
      return [{ field, message: `is required; expected ${expected}` }];
    }
    if (value.length > MAX_NAME_LENGTH) {
      return [
        {
          field,
          message: `is ${value.length} characters long; expected at most ${MAX_NAME_LENGTH}, the catalog's limit`,
        },
      ];
    }
    if (!isValid(value)) {
      return [
        { field, message: `"${value}" is not valid; expected ${expected}` },
      ];
    }
    return [];
  });
}
