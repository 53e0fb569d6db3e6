import {
  CompoundEntityRef,
  Entity,
  makeValidator,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import {
  RELATION_DISTRICT_OF,
  RELATION_ELEMENT_PROVIDED_BY,
  RELATION_ELEMENT_REQUIRED_BY,
  RELATION_FED_BY,
  RELATION_FEEDS,
  RELATION_IN_DISTRICT,
  RELATION_PROVIDES_ELEMENT,
  RELATION_REQUIRES_ELEMENT,
  RELATION_STEWARD_OF,
  RELATION_STEWARDED_BY,
} from '../relations';
import {
  DATA_CATALOG_API_VERSION,
  DATA_ELEMENT_KIND,
  DATA_SOURCE_KIND,
  INDICATOR_KIND,
} from '../vocabulary';
import { describeNonAscii } from './lookalikes';
import { MAX_NAME_LENGTH } from './names';

/** A reference to another entity, found at one field of an entity. */
export interface DataCatalogReference {
  /** Where the reference is written, such as `spec.fedBy[0].source`. */
  field: string;
  /** The reference as written in the YAML. */
  ref: string;
  /** Kinds the target may have, in lower case; the first is the default. */
  kinds: string[];
  /** The namespace a reference without one falls into. */
  namespace: string;
  /** The relation pair it gives, forward first; none for element lineage. */
  relation?: readonly [string, string];
}

const OWNER = [RELATION_OWNED_BY, RELATION_OWNER_OF] as const;
const STEWARD = [RELATION_STEWARDED_BY, RELATION_STEWARD_OF] as const;
const DISTRICT = [RELATION_IN_DISTRICT, RELATION_DISTRICT_OF] as const;
const PROVIDES = [
  RELATION_PROVIDES_ELEMENT,
  RELATION_ELEMENT_PROVIDED_BY,
] as const;
const REQUIRES = [
  RELATION_REQUIRES_ELEMENT,
  RELATION_ELEMENT_REQUIRED_BY,
] as const;
const LINEAGE = [RELATION_FED_BY, RELATION_FEEDS] as const;

const element = DATA_ELEMENT_KIND.toLocaleLowerCase('en-US');
const source = DATA_SOURCE_KIND.toLocaleLowerCase('en-US');
const validator = makeValidator();

/**
 * Every reference an entity of the data catalog's kinds makes, with the
 * relations it gives. Expects an entity that passed its schema.
 */
export function dataCatalogReferences(entity: Entity): DataCatalogReference[] {
  if (entity.apiVersion !== DATA_CATALOG_API_VERSION || !entity.spec) {
    return [];
  }
  const spec = entity.spec as Record<string, any>;
  const namespace = entity.metadata.namespace ?? 'default';
  const found: DataCatalogReference[] = [];
  const add = (
    field: string,
    ref: unknown,
    kinds: string[],
    relation?: readonly [string, string],
  ) => {
    if (typeof ref === 'string') {
      found.push({ field, ref, kinds, namespace, relation });
    }
  };

  add('spec.owner', spec.owner, ['group', 'user'], OWNER);

  if (entity.kind === DATA_SOURCE_KIND) {
    add('spec.steward', spec.steward, ['user', 'group'], STEWARD);
    add('spec.district', spec.district, ['group'], DISTRICT);
    (spec.provides ?? []).forEach((item: any, i: number) =>
      add(`spec.provides[${i}].element`, item.element, [element], PROVIDES),
    );
    (spec.fedBy ?? []).forEach((feed: any, i: number) => {
      add(`spec.fedBy[${i}].source`, feed.source, [source], LINEAGE);
      (feed.elements ?? []).forEach((ref: unknown, j: number) =>
        add(`spec.fedBy[${i}].elements[${j}]`, ref, [element]),
      );
    });
  } else if (entity.kind === DATA_ELEMENT_KIND) {
    // A data element refers only to its owner.
  } else if (entity.kind === INDICATOR_KIND) {
    (spec.requires ?? []).forEach((ref: unknown, i: number) =>
      add(`spec.requires[${i}]`, ref, [element], REQUIRES),
    );
    (spec.disaggregateBy ?? []).forEach((ref: unknown, i: number) =>
      add(`spec.disaggregateBy[${i}]`, ref, [element], REQUIRES),
    );
  }
  return found;
}

/**
 * Resolves a reference against its defaults, or says why it cannot be one:
 * bad syntax, an invalid name, or a kind the field does not accept.
 */
export function parseReference(
  reference: DataCatalogReference,
): { target: CompoundEntityRef } | { problem: string } {
  // Before parsing: a look-alike letter parses, and would only be reported
  // as an invalid name without saying which letter is wrong.
  const nonAscii = describeNonAscii(
    reference.ref,
    suggestion => 'target' in parseReference({ ...reference, ref: suggestion }),
  );
  if (nonAscii) {
    return { problem: nonAscii };
  }

  let target: CompoundEntityRef;
  try {
    target = parseEntityRef(reference.ref, {
      defaultKind: reference.kinds[0],
      defaultNamespace: reference.namespace,
    });
  } catch (error) {
    return {
      problem: `"${reference.ref}" is not an entity reference; expected [kind:][namespace/]name`,
    };
  }

  const kind = target.kind.toLocaleLowerCase('en-US');
  if (!reference.kinds.includes(kind)) {
    return {
      problem: `"${reference.ref}" refers to a ${
        target.kind
      }; expected a reference to ${reference.kinds.join(' or ')}`,
    };
  }
  if (target.name.length > MAX_NAME_LENGTH) {
    return {
      problem: `"${reference.ref}" has a name of ${target.name.length} characters; expected at most ${MAX_NAME_LENGTH}, the catalog's limit`,
    };
  }
  if (
    !validator.isValidEntityName(target.name) ||
    !validator.isValidNamespace(target.namespace)
  ) {
    return {
      problem: `"${reference.ref}" has an invalid name; expected letters, digits, -, _ and . only, at most 63 characters`,
    };
  }
  return {
    target: { kind, namespace: target.namespace, name: target.name },
  };
}
