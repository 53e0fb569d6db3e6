import { Entity } from '@backstage/catalog-model';
import {
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from '../vocabulary';
import { EntityProblem } from './problems';

/**
 * The largest entity accepted, counted as UTF-8 JSON as the catalog stores
 * it. The demo's largest, the regional warehouse, is about 12 KB; one
 * nearly a hundred times that is a generated or pasted mistake, which every
 * page that shows it and every refresh would carry.
 */
export const MAX_ENTITY_BYTES = 1024 * 1024;

/**
 * The most elements one list may name: a source's `provides`, a feed's
 * `elements`, an indicator's `requires` and `disaggregateBy`. A list can
 * name each element once, and the shared vocabulary has tens of elements
 * (the full CEDS has about two thousand, no one system holds them all);
 * each provided element is two relations the catalog keeps and stitches.
 */
export const MAX_LISTED_ELEMENTS = 1000;

type FieldProblem = Omit<EntityProblem, 'entity'>;

const count = (n: number) => n.toLocaleString('en-US');

/** The lists of elements of each kind, and what holds them, for messages. */
function elementLists(
  entity: Entity,
): Array<{ field: string; list: unknown; holder: string }> {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  if (entity.kind === DATA_SOURCE_KIND) {
    const feeds = Array.isArray(spec.fedBy) ? spec.fedBy : [];
    return [
      { field: 'spec.provides', list: spec.provides, holder: 'one source' },
      ...feeds.map((feed: unknown, i: number) => ({
        field: `spec.fedBy[${i}].elements`,
        list: (feed as Record<string, unknown> | null)?.elements,
        holder: 'one feed',
      })),
    ];
  }
  if (entity.kind === INDICATOR_KIND) {
    return ['requires', 'disaggregateBy'].map(key => ({
      field: `spec.${key}`,
      list: spec[key],
      holder: 'one indicator',
    }));
  }
  return [];
}

/** Bytes of a string as UTF-8, without allocating its encoding. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/** The JSON size of a value, or undefined when it contains itself. */
function jsonBytes(value: unknown): number | undefined {
  try {
    return utf8Length(JSON.stringify(value) ?? '');
  } catch {
    return undefined;
  }
}

/** The fields one and two levels down, `spec` and `spec.provides`. */
function fieldsOf(entity: Entity): Array<{ field: string; value: unknown }> {
  return Object.entries(entity).flatMap(([key, value]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return [
        { field: key, value },
        ...Object.entries(value).map(([child, inner]) => ({
          field: `${key}.${child}`,
          value: inner,
        })),
      ];
    }
    return [{ field: key, value }];
  });
}

function sizeProblem(entity: Entity): FieldProblem | undefined {
  const total = jsonBytes(entity);
  const fields = fieldsOf(entity);

  if (total === undefined) {
    // Only YAML aliases make a document contain itself.
    const looped = [...fields]
      .reverse()
      .find(({ value }) => jsonBytes(value) === undefined);
    return {
      field: looped?.field ?? 'metadata',
      message:
        'contains itself through a YAML alias; expected an entity without recursive aliases',
    };
  }
  if (total <= MAX_ENTITY_BYTES) {
    return undefined;
  }

  // Name the field that makes up most of it, the one to shorten; a child
  // rather than its parent, since `spec` alone says little.
  const sized = fields
    .filter(({ field }) => field.includes('.'))
    .map(({ field, value }) => ({ field, bytes: jsonBytes(value) ?? 0 }));
  const largest = sized.reduce(
    (best, next) => (next.bytes > best.bytes ? next : best),
    { field: 'spec', bytes: 0 },
  );
  return {
    field: largest.field,
    message: `holds ${count(largest.bytes)} of the entity's ${count(
      total,
    )} bytes; expected an entity of at most ${count(
      MAX_ENTITY_BYTES,
    )} bytes (1 MiB) as JSON`,
  };
}

/**
 * The limits of size an entity of the data catalog's kinds must keep: its
 * size and the length of its lists of elements. Checked before anything
 * else, so that an oversized entity costs one short message rather than a
 * schema check, a lookup and an error for each of thousands of items.
 */
export function limitProblems(entity: Entity): FieldProblem[] {
  if (
    ![DATA_SOURCE_KIND, DATA_ELEMENT_KIND, INDICATOR_KIND].includes(entity.kind)
  ) {
    return [];
  }
  const problems: FieldProblem[] = elementLists(entity).flatMap(
    ({ field, list, holder }) =>
      Array.isArray(list) && list.length > MAX_LISTED_ELEMENTS
        ? [
            {
              field,
              message: `has ${count(
                list.length,
              )} elements; expected at most ${count(
                MAX_LISTED_ELEMENTS,
              )} in ${holder}`,
            },
          ]
        : [],
  );
  const size = sizeProblem(entity);
  return size ? [...problems, size] : problems;
}
