import {
  DATA_CATALOG_API_VERSION,
  GRADES,
  PRIVACY_CLASSES,
  SCHOOL_YEAR_PATTERN,
} from '../vocabulary';

/** A JSON schema, kept as plain data so that any validator can use it. */
export type JsonSchema = { [key: string]: unknown };

/** The envelope fields every kind shares; metadata is left to the catalog. */
export function envelope(kind: string, spec: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: {
        description: 'The data catalog apiVersion.',
        const: DATA_CATALOG_API_VERSION,
      },
      kind: { description: `Always ${kind}.`, const: kind },
      metadata: {
        description: 'Standard Backstage metadata, checked by the catalog.',
        type: 'object',
      },
      relations: {
        description: 'Filled in by the catalog; never written by hand.',
        type: 'array',
      },
      status: {
        description: 'Filled in by the catalog; never written by hand.',
        type: 'object',
      },
      spec,
    },
  };
}

/** A reference to another entity, such as `group:default/gananda-data-team`. */
export function entityRef(description: string): JsonSchema {
  return { description, type: 'string', minLength: 1 };
}

/** A non-empty, trimmed piece of prose. */
export function text(description: string): JsonSchema {
  return { description, type: 'string', minLength: 1, pattern: '\\S' };
}

/** A list of unique grade levels. */
export function grades(description: string): JsonSchema {
  return {
    description,
    type: 'array',
    uniqueItems: true,
    items: {
      description: 'A grade level: PK, K or 1 to 12.',
      enum: [...GRADES],
    },
  };
}

/** A list of unique school years such as `2023-24`. */
export function years(description: string): JsonSchema {
  return {
    description,
    type: 'array',
    uniqueItems: true,
    items: {
      description: 'A school year written like 2023-24.',
      type: 'string',
      pattern: SCHOOL_YEAR_PATTERN,
    },
  };
}

/** How sensitive the records described are. */
export function privacy(description: string): JsonSchema {
  return { description, enum: [...PRIVACY_CLASSES] };
}
