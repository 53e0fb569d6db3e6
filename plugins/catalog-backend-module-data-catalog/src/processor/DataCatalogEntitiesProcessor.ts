import { LoggerService } from '@backstage/backend-plugin-api';
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
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DATA_CATALOG_API_VERSION,
  DATA_CATALOG_KINDS,
  DATA_SOURCE_KIND,
  DataCatalogReference,
  dataCatalogReferences,
  describeEntity,
  formatProblem,
  LINEAGE_CYCLE_ANNOTATION,
  nonAsciiNameProblems,
  parseReference,
  validateDataCatalogEntity,
} from '@internal/plugin-data-catalog-common';
import { EntityLookup } from '../lookup';
import { unreadableMessages } from '../reading';
import { joinProblems } from './joinProblems';

// How far upstream a source's lineage is followed when looking for a cycle.
// Real chains (platform, SIS, state reporting, warehouse) are short.
const MAX_LINEAGE_HOPS = 10;

/**
 * Validates DataSource, DataElement and Indicator entities and emits both
 * directions of every relation they declare.
 *
 * Entities its entity data parser marked as unreadable are rejected here,
 * whatever their kind, with the parser's message.
 *
 * With an {@link EntityLookup}, an entity whose references point at nothing
 * the catalog knows is rejected until its targets appear; the catalog tries
 * it again on its next refresh. A source whose lineage comes back to itself
 * is accepted and carries the cycle in its `datacatalog.k12.dev/lineage-cycle`
 * annotation.
 */
export class DataCatalogEntitiesProcessor implements CatalogProcessor {
  private readonly logger: LoggerService;
  private readonly lookup?: EntityLookup;

  constructor(options: { logger: LoggerService; lookup?: EntityLookup }) {
    this.logger = options.logger;
    this.lookup = options.lookup;
  }

  getProcessorName(): string {
    return 'DataCatalogEntitiesProcessor';
  }

  /**
   * Rejects, before the catalog's own checks, what only this module can
   * explain: what its entity data parser marked as unreadable, and a name
   * of these kinds with a character that is not ASCII, which the catalog
   * would reject without saying which character is wrong.
   */
  async preProcessEntity(entity: Entity): Promise<Entity> {
    const unreadable = unreadableMessages(entity);
    if (unreadable) {
      throw new InputError(joinProblems(unreadable));
    }
    if (isOwnKind(entity)) {
      const name = describeEntity(entity);
      const problems = nonAsciiNameProblems(entity);
      if (problems.length > 0) {
        throw new InputError(
          `Invalid ${entity.kind}: ${joinProblems(
            problems.map(p => formatProblem({ entity: name, ...p })),
          )}`,
        );
      }
    }
    return entity;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isOwnKind(entity)) {
      return false;
    }

    const problems = validateDataCatalogEntity(entity);
    if (problems.length > 0) {
      throw new InputError(
        `Invalid ${entity.kind}: ${joinProblems(problems.map(formatProblem))}`,
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

    const resolved = resolveReferences(entity);
    const known = this.lookup
      ? await this.lookup.getEntities(resolved.map(r => r.targetRef))
      : undefined;

    const dangling = known ? resolved.filter(r => !known.has(r.targetRef)) : [];
    if (dangling.length > 0) {
      const name = describeEntity(entity);
      const message = joinProblems(
        dangling.map(
          ({ reference, targetRef }) =>
            `${name} ${reference.field}: "${
              reference.ref
            }" refers to ${targetRef}, which is not in the catalog; expected an existing ${reference.kinds.join(
              ' or ',
            )}`,
        ),
      );
      emit(processingResult.inputError(location, message));
      return entity;
    }

    const self = getCompoundEntityRef(entity);
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

    return this.withLineageCycle(entity, resolved, known);
  }

  /** Marks a source whose upstream lineage leads back to itself. */
  private async withLineageCycle(
    entity: Entity,
    resolved: ResolvedReference[],
    known: Map<string, Entity> | undefined,
  ): Promise<Entity> {
    const annotations = { ...entity.metadata.annotations };
    delete annotations[LINEAGE_CYCLE_ANNOTATION];

    if (entity.kind === DATA_SOURCE_KIND && known) {
      const cycle = await this.findCycle(
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        upstreamOf(resolved),
        known,
      );
      if (cycle) {
        annotations[LINEAGE_CYCLE_ANNOTATION] = cycle.join(' -> ');
        this.logger.warn(
          `Accepted a lineage cycle: ${cycle.join(' is fed by ')}`,
        );
      }
    }
    return { ...entity, metadata: { ...entity.metadata, annotations } };
  }

  /**
   * Walks upstream breadth first, each source once, and returns the path
   * back to the start when there is one, downstream first.
   */
  private async findCycle(
    start: string,
    upstream: string[],
    known: Map<string, Entity>,
  ): Promise<string[] | undefined> {
    const downstreamOf = new Map<string, string>(upstream.map(u => [u, start]));
    let frontier = upstream;
    let entities = known;

    for (let hop = 0; hop < MAX_LINEAGE_HOPS && frontier.length > 0; hop++) {
      if (hop > 0) {
        entities = await this.lookup!.getEntities(frontier);
      }
      const next: string[] = [];

      for (const node of frontier) {
        for (const ref of upstreamOf(resolveReferences(entities.get(node)))) {
          if (ref === start) {
            return pathBack(node, downstreamOf, start);
          }
          if (!downstreamOf.has(ref)) {
            downstreamOf.set(ref, node);
            next.push(ref);
          }
        }
      }
      frontier = next;
    }
    return undefined;
  }
}

interface ResolvedReference {
  reference: DataCatalogReference;
  target: CompoundEntityRef;
  /** The target's reference in lower case, as the catalog compares them. */
  targetRef: string;
}

function isOwnKind(entity: Entity): boolean {
  return (
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    (DATA_CATALOG_KINDS as readonly string[]).includes(entity.kind)
  );
}

// validateEntityKind has already rejected unparsable references, so every
// reference here resolves; the filter only guards against a changed model.
function resolveReferences(entity: Entity | undefined): ResolvedReference[] {
  if (!entity) {
    return [];
  }
  return dataCatalogReferences(entity).flatMap(reference => {
    const parsed = parseReference(reference);
    return 'target' in parsed
      ? [
          {
            reference,
            target: parsed.target,
            targetRef: stringifyEntityRef(parsed.target).toLocaleLowerCase(
              'en-US',
            ),
          },
        ]
      : [];
  });
}

function upstreamOf(resolved: ResolvedReference[]): string[] {
  return [
    ...new Set(
      resolved
        .filter(r => /^spec\.fedBy\[\d+\]\.source$/.test(r.reference.field))
        .map(r => r.targetRef),
    ),
  ];
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
