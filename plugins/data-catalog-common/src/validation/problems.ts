import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** One thing wrong with one entity, precise enough to fix without guessing. */
export interface EntityProblem {
  /** The entity's reference, such as `datasource:default/gananda-sis`. */
  entity: string;
  /** The path of the offending field, such as `spec.provides[2].element`. */
  field: string;
  /** What is wrong and what was expected, in sentence case. */
  message: string;
}

/** The entity's reference, or its kind alone when it has no usable name. */
export function describeEntity(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${entity.kind ?? 'entity'} without a valid metadata.name`;
  }
}

/** One line per problem: entity, field, then what was expected. */
export function formatProblem(problem: EntityProblem): string {
  return `${problem.entity} ${problem.field}: ${problem.message}`;
}
