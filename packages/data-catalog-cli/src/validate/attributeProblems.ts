import {
  describeEntity,
  EntityProblem,
  validateDataCatalogEntity,
} from '@internal/plugin-data-catalog-common';
import { CatalogDocument } from '../catalog/readCatalogFiles';

/** A problem of the set, with the document of the entity it is about. */
export interface AttributedProblem {
  problem: EntityProblem;
  source: CatalogDocument;
  /** For an entity defined twice, the definition that came first. */
  firstDefinition?: CatalogDocument;
}

/**
 * Finds which document each problem of `validateCatalogSet` is about. The
 * problems name entities by reference, and a reference is usually one
 * document; when several documents share it (the same entity defined twice,
 * or entities without a usable name) the kind of problem decides: one the
 * entity has on its own goes to the document that has it, a duplicate to
 * the later definitions in turn, and one about references to the first
 * definition, the one the set keeps.
 */
export function attributeProblems(
  problems: EntityProblem[],
  documents: CatalogDocument[],
): AttributedProblem[] {
  const byEntity = new Map<string, CatalogDocument[]>();
  for (const source of documents) {
    const name = describeEntity(source.entity);
    byEntity.set(name, [...(byEntity.get(name) ?? []), source]);
  }

  const ownProblems = new Map<CatalogDocument, Set<string>>();
  const duplicatesSeen = new Map<string, number>();
  const attributed: AttributedProblem[] = [];

  for (const problem of problems) {
    // Every entity of the set came from a document, so there is one.
    const candidates = byEntity.get(problem.entity)!;
    if (candidates.length === 1) {
      attributed.push({ problem, source: candidates[0] });
      continue;
    }

    const key = `${problem.field}\n${problem.message}`;
    const owner = candidates.find(candidate =>
      takeOwnProblem(candidate, key, ownProblems),
    );
    if (owner) {
      attributed.push({ problem, source: owner });
      continue;
    }

    const seen = duplicatesSeen.get(problem.entity) ?? 0;
    if (isDuplicate(problem) && seen + 1 < candidates.length) {
      duplicatesSeen.set(problem.entity, seen + 1);
      attributed.push({
        problem,
        source: candidates[seen + 1],
        firstDefinition: candidates[0],
      });
      continue;
    }
    attributed.push({ problem, source: candidates[0] });
  }
  return attributed;
}

/**
 * Whether the entity has this problem on its own; each such problem is
 * claimed once, so two copies of one broken entity get one each.
 */
function takeOwnProblem(
  candidate: CatalogDocument,
  key: string,
  ownProblems: Map<CatalogDocument, Set<string>>,
): boolean {
  let own = ownProblems.get(candidate);
  if (!own) {
    own = new Set(
      validateDataCatalogEntity(candidate.entity).map(
        p => `${p.field}\n${p.message}`,
      ),
    );
    ownProblems.set(candidate, own);
  }
  return own.delete(key);
}

// validateCatalogSet reports a second definition on metadata.name, and
// says so; no other problem it gives has both.
function isDuplicate(problem: EntityProblem): boolean {
  return (
    problem.field === 'metadata.name' &&
    problem.message.includes('is defined more than once')
  );
}
