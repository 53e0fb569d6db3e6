import {
  AuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  CatalogService,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DATA_CATALOG_API_VERSION,
  DATA_CATALOG_KINDS,
  DataCatalogReference,
  dataCatalogReferences,
  describeEntity,
  formatProblem,
  parseReference,
  validateDataCatalogEntity,
} from '@internal/plugin-data-catalog-common';

/** What the processor needs to check that references point somewhere. */
export interface ReferenceCheck {
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * Validates DataSource, DataElement and Indicator entities and emits both
 * directions of every relation they declare.
 *
 * With a {@link ReferenceCheck}, an entity whose references point at nothing
 * in the catalog is rejected until its targets exist; the catalog processes
 * it again on its next refresh.
 */
export class DataCatalogEntitiesProcessor implements CatalogProcessor {
  private readonly logger: LoggerService;
  private readonly referenceCheck?: ReferenceCheck;

  constructor(options: {
    logger: LoggerService;
    referenceCheck?: ReferenceCheck;
  }) {
    this.logger = options.logger;
    this.referenceCheck = options.referenceCheck;
  }

  getProcessorName(): string {
    return 'DataCatalogEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isOwnKind(entity)) {
      return false;
    }

    const problems = validateDataCatalogEntity(entity);
    if (problems.length > 0) {
      throw new InputError(
        `Invalid ${entity.kind}: ${problems.map(formatProblem).join('; ')}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isOwnKind(entity)) {
      return entity;
    }

    const self = getCompoundEntityRef(entity);
    const resolved = resolveReferences(entity);

    if (this.referenceCheck) {
      const dangling = await this.findDangling(resolved);
      if (dangling.length > 0) {
        const name = describeEntity(entity);
        const message = dangling
          .map(
            ({ reference, target }) =>
              `${name} ${reference.field}: "${
                reference.ref
              }" refers to ${stringifyEntityRef(
                target,
              )}, which is not in the catalog; expected an existing ${reference.kinds.join(
                ' or ',
              )}`,
          )
          .join('; ');
        emit(processingResult.inputError(location, message));
        return entity;
      }
    }

    for (const { reference, target } of resolved) {
      if (!reference.relation) {
        continue;
      }
      const [forward, reverse] = reference.relation;
      emit(processingResult.relation({ source: self, type: forward, target }));
      emit(processingResult.relation({ source: target, type: reverse, target: self }));
    }
    return entity;
  }

  private async findDangling(
    resolved: ResolvedReference[],
  ): Promise<ResolvedReference[]> {
    if (resolved.length === 0 || !this.referenceCheck) {
      return [];
    }
    const { catalog, auth } = this.referenceCheck;
    const refs = [...new Set(resolved.map(r => stringifyEntityRef(r.target)))];
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ['kind', 'metadata.name'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const missing = new Set(refs.filter((_, i) => !items[i]));
    if (missing.size > 0) {
      this.logger.debug(`Waiting for ${missing.size} referenced entities`, {
        missing: [...missing].join(', '),
      });
    }
    return resolved.filter(r => missing.has(stringifyEntityRef(r.target)));
  }
}

interface ResolvedReference {
  reference: DataCatalogReference;
  target: CompoundEntityRef;
}

function isOwnKind(entity: Entity): boolean {
  return (
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    (DATA_CATALOG_KINDS as readonly string[]).includes(entity.kind)
  );
}

// validateEntityKind has already rejected unparsable references, so every
// reference here resolves; the filter only guards against a changed model.
function resolveReferences(entity: Entity): ResolvedReference[] {
  return dataCatalogReferences(entity).flatMap(reference => {
    const parsed = parseReference(reference);
    return 'target' in parsed ? [{ reference, target: parsed.target }] : [];
  });
}
