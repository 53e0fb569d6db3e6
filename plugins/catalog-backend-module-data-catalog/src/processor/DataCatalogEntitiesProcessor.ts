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
  DATA_SOURCE_KIND,
  LINEAGE_CYCLE_ANNOTATION,
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

// How far upstream a source's lineage is followed when looking for a cycle.
// Real chains (platform, SIS, state reporting, warehouse) are short.
const MAX_LINEAGE_HOPS = 10;

/**
 * Validates DataSource, DataElement and Indicator entities and emits both
 * directions of every relation they declare.
 *
 * With a {@link ReferenceCheck}, an entity whose references point at nothing
 * in the catalog is rejected until its targets exist; the catalog processes
 * it again on its next refresh. A source whose lineage comes back to itself
 * is accepted and carries the cycle in its `datacatalog.k12.dev/lineage-cycle`
 * annotation.
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
      emit(
        processingResult.relation({
          source: target,
          type: reverse,
          target: self,
        }),
      );
    }

    return this.withLineageCycle(entity, resolved);
  }

  /** Marks a source whose upstream lineage leads back to itself. */
  private async withLineageCycle(
    entity: Entity,
    resolved: ResolvedReference[],
  ): Promise<Entity> {
    const annotations = { ...entity.metadata.annotations };
    delete annotations[LINEAGE_CYCLE_ANNOTATION];

    if (entity.kind === DATA_SOURCE_KIND && this.referenceCheck) {
      const upstream = resolved
        .filter(r => r.reference.field.endsWith('.source'))
        .map(r => stringifyEntityRef(r.target));
      const cycle = await this.findCycle(stringifyEntityRef(entity), upstream);
      if (cycle) {
        annotations[LINEAGE_CYCLE_ANNOTATION] = cycle.join(' -> ');
        this.logger.warn(
          `Lineage cycle accepted: ${cycle.join(' is fed by ')}`,
        );
      }
    }
    return { ...entity, metadata: { ...entity.metadata, annotations } };
  }

  /**
   * Walks upstream, breadth first and each source once, and returns the path
   * back to the start when there is one, downstream first.
   */
  private async findCycle(
    start: string,
    upstream: string[],
  ): Promise<string[] | undefined> {
    const { catalog, auth } = this.referenceCheck!;
    const downstreamOf = new Map<string, string>(upstream.map(u => [u, start]));
    let frontier = upstream;

    for (let hop = 0; hop < MAX_LINEAGE_HOPS && frontier.length > 0; hop++) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: frontier,
          fields: [
            'apiVersion',
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.fedBy',
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const next: string[] = [];

      for (const [index, item] of items.entries()) {
        for (const { target } of resolveReferences(item ?? undefined)) {
          const ref = stringifyEntityRef(target);
          if (target.kind !== 'datasource') {
            continue;
          }
          if (ref === start) {
            return pathBack(frontier[index], downstreamOf, start);
          }
          if (!downstreamOf.has(ref)) {
            downstreamOf.set(ref, frontier[index]);
            next.push(ref);
          }
        }
      }
      frontier = next;
    }
    return undefined;
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

function pathBack(
  last: string,
  downstreamOf: Map<string, string>,
  start: string,
): string[] {
  const path = [start];
  for (let node = last; node !== start; node = downstreamOf.get(node)!) {
    path.splice(1, 0, node);
  }
  return [...path, start];
}

// validateEntityKind has already rejected unparsable references, so every
// reference here resolves; the filter only guards against a changed model.
function resolveReferences(entity: Entity | undefined): ResolvedReference[] {
  if (!entity) {
    return [];
  }
  return dataCatalogReferences(entity).flatMap(reference => {
    const parsed = parseReference(reference);
    return 'target' in parsed ? [{ reference, target: parsed.target }] : [];
  });
}
