import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from '../vocabulary';
import {
  dataElementSchema,
  dataSourceSchema,
  indicatorSchema,
  JsonSchema,
} from '../schema';
import { dataCatalogReferences, parseReference } from './references';
import { describeEntity, EntityProblem } from './problems';
import { limitProblems } from './limits';
import { nameProblems } from './names';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });

// Compiled once and on first use: most processes only ever meet one kind.
const validators = new Map<string, ValidateFunction>();
const schemas: Record<string, JsonSchema> = {
  [DATA_SOURCE_KIND]: dataSourceSchema,
  [DATA_ELEMENT_KIND]: dataElementSchema,
  [INDICATOR_KIND]: indicatorSchema,
};

function validatorFor(kind: string): ValidateFunction | undefined {
  const schema = schemas[kind];
  if (!schema) {
    return undefined;
  }
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(kind, validate);
  }
  return validate;
}

/**
 * Checks one entity of the data catalog's kinds against its limits of size,
 * the catalog's rules for names, its schema, the syntax and kind of every
 * reference in it, and the rules that hold inside one entity. Returns every
 * problem found, empty when the entity is valid; an entity over a limit
 * gets that problem only. Entities of other apiVersions or kinds are not
 * this function's business and give no problems.
 */
export function validateDataCatalogEntity(entity: Entity): EntityProblem[] {
  if (entity.apiVersion !== DATA_CATALOG_API_VERSION) {
    return [];
  }
  const validate = validatorFor(entity.kind);
  if (!validate) {
    return [];
  }
  const name = describeEntity(entity);

  const limits = limitProblems(entity);
  if (limits.length > 0) {
    return limits.map(problem => ({ entity: name, ...problem }));
  }
  const names = nameProblems(entity).map(problem => ({
    entity: name,
    ...problem,
  }));

  if (!validate(entity)) {
    return [
      ...names,
      ...(validate.errors ?? []).map(error => ({
        entity: name,
        ...describeSchemaError(error),
      })),
    ];
  }

  const problems: EntityProblem[] = [...names];
  for (const reference of dataCatalogReferences(entity)) {
    const parsed = parseReference(reference);
    if ('problem' in parsed) {
      problems.push({
        entity: name,
        field: reference.field,
        message: parsed.problem,
      });
    }
  }
  problems.push(
    ...duplicateProvisions(entity).map(p => ({ ...p, entity: name })),
  );
  return problems;
}

/** The same element or the same field listed twice in one source. */
function duplicateProvisions(entity: Entity): Omit<EntityProblem, 'entity'>[] {
  if (entity.kind !== DATA_SOURCE_KIND) {
    return [];
  }
  const provides = (entity.spec?.provides ?? []) as Array<{
    element: string;
    field: string;
  }>;
  const problems: Omit<EntityProblem, 'entity'>[] = [];
  const seenFields = new Map<string, number>();
  const seenElements = new Map<string, number>();

  provides.forEach((item, index) => {
    const field = item.field.trim().toLocaleLowerCase('en-US');
    const earlier = seenFields.get(field);
    if (earlier !== undefined) {
      problems.push({
        field: `spec.provides[${index}].field`,
        message: `"${item.field}" is already used by spec.provides[${earlier}]; expected field names unique within a source`,
      });
    } else {
      seenFields.set(field, index);
    }

    // Compare what the reference means, so `x` and `dataelement:x` clash.
    const resolved = parseReference({
      field: '',
      ref: item.element,
      kinds: ['dataelement'],
      namespace: entity.metadata.namespace ?? 'default',
    });
    const element =
      'target' in resolved
        ? `${resolved.target.namespace}/${resolved.target.name}`.toLocaleLowerCase(
            'en-US',
          )
        : item.element.toLocaleLowerCase('en-US');
    const before = seenElements.get(element);
    if (before !== undefined) {
      problems.push({
        field: `spec.provides[${index}].element`,
        message: `"${item.element}" is already provided by spec.provides[${before}]; expected each element once per source`,
      });
    } else {
      seenElements.set(element, index);
    }
  });
  return problems;
}

function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => {
      if (/^\d+$/.test(part)) {
        return `${path}[${part}]`;
      }
      return path ? `${path}.${part}` : part;
    }, '');
}

function shown(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** Turns one schema error into a field and a sentence a YAML author can act on. */
function describeSchemaError(
  error: ErrorObject,
): Omit<EntityProblem, 'entity'> {
  const path = fieldPath(error.instancePath);
  const expected = (error.parentSchema as JsonSchema | undefined)
    ?.description as string | undefined;

  switch (error.keyword) {
    case 'required': {
      const missing = error.params.missingProperty as string;
      const child = (
        (error.parentSchema as JsonSchema)?.properties as
          | Record<string, JsonSchema>
          | undefined
      )?.[missing];
      return {
        field: path ? `${path}.${missing}` : missing,
        message: `is required; expected ${lowerFirst(
          (child?.description as string) ?? 'a value',
        )}`,
      };
    }
    case 'additionalProperties': {
      const extra = error.params.additionalProperty as string;
      const known = Object.keys(
        ((error.parentSchema as JsonSchema)?.properties as object) ?? {},
      );
      return {
        field: path ? `${path}.${extra}` : extra,
        message: `is not a known field; expected one of ${known.join(', ')}`,
      };
    }
    case 'enum':
      return {
        field: path,
        message: `must be one of ${(
          error.params.allowedValues as unknown[]
        ).join(', ')}; got ${shown(error.data)}`,
      };
    case 'const':
      return {
        field: path,
        message: `must be ${shown(error.params.allowedValue)}; got ${shown(
          error.data,
        )}`,
      };
    case 'type':
      return {
        field: path,
        message: `must be ${article(error.params.type as string)}; got ${shown(
          error.data,
        )}`,
      };
    default:
      return {
        field: path,
        message: `${error.message ?? 'is not valid'}; got ${shown(error.data)}${
          expected ? `; expected ${lowerFirst(expected)}` : ''
        }`,
      };
  }
}

function lowerFirst(sentence: string): string {
  const trimmed = sentence.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed)
    ? trimmed[0].toLocaleLowerCase('en-US') + trimmed.slice(1)
    : trimmed;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
