import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { normalizeLabel } from '../layout';

/** What a name in the Owner or Steward column was found to be. */
export type PersonMatch =
  | { ref: string }
  | { candidates: string[] }
  | { suggestion?: { name: string; ref: string } };

interface Person {
  ref: string;
  kind: 'group' | 'user';
  /** The name shown in suggestions: display name, title or name. */
  label: string;
  inDistrict: boolean;
}

function shortRef(entity: Entity): string {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  return namespace === 'default'
    ? `${kind}:${entity.metadata.name}`
    : `${kind}:${namespace}/${entity.metadata.name}`;
}

function profile(entity: Entity): { displayName?: string; email?: string } {
  return (entity.spec?.profile as object | undefined) ?? {};
}

// Small edit distance between two normalised labels, for "did you mean".
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/** The groups below a district, the district included, by name. */
function districtGroups(groups: Entity[], district: string): Set<string> {
  // A parent may be written as a name or as a reference.
  const parents = new Map(
    groups.map(group => [
      group.metadata.name,
      typeof group.spec?.parent === 'string'
        ? bareGroup(group.spec.parent)
        : undefined,
    ]),
  );
  const inside = new Set<string>();
  for (const group of groups) {
    const seen = new Set<string>();
    let name: string | undefined = group.metadata.name;
    while (name && !seen.has(name)) {
      if (name === district) {
        inside.add(group.metadata.name);
        break;
      }
      seen.add(name);
      name = parents.get(name);
    }
  }
  return inside;
}

/**
 * Finds the groups and users a workbook names as owners and stewards: by
 * reference, name, title, display name or email, compared normalised.
 * Owners prefer groups and stewards users when both match; a name that
 * several entities share is settled in favour of the district's own.
 */
export class PeopleMatcher {
  private readonly labels = new Map<string, Person[]>();
  private readonly byRef = new Map<string, Person>();

  constructor(entities: Entity[], district: string) {
    const groups = entities.filter(e => e.kind === 'Group');
    const inside = districtGroups(groups, district);

    for (const entity of entities) {
      if (entity.kind !== 'Group' && entity.kind !== 'User') {
        continue;
      }
      const memberOf = (entity.spec?.memberOf as string[] | undefined) ?? [];
      const { displayName, email } = profile(entity);
      const person: Person = {
        ref: shortRef(entity),
        kind: entity.kind === 'Group' ? 'group' : 'user',
        label: displayName ?? entity.metadata.title ?? entity.metadata.name,
        inDistrict:
          entity.kind === 'Group'
            ? inside.has(entity.metadata.name)
            : memberOf.some(group => inside.has(bareGroup(group))),
      };
      this.byRef.set(
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        person,
      );
      const names = [entity.metadata.name, entity.metadata.title];
      names.push(displayName, email);
      for (const label of names) {
        if (label) {
          this.addLabel(normalizeLabel(label), person);
        }
      }
    }
  }

  private addLabel(label: string, person: Person) {
    const known = this.labels.get(label) ?? [];
    if (!known.includes(person)) {
      this.labels.set(label, [...known, person]);
    }
  }

  /** Finds one name; `prefer` is the kind an unqualified name means. */
  match(text: string, prefer: 'group' | 'user'): PersonMatch {
    const ref = this.refOf(text, prefer);
    if (ref) {
      return { ref: ref.ref };
    }

    const chosen = preferred(
      this.labels.get(normalizeLabel(text)) ?? [],
      prefer,
    );
    if (chosen.length === 1) {
      return { ref: chosen[0].ref };
    }
    if (chosen.length > 1) {
      return { candidates: chosen.map(p => p.ref).sort() };
    }
    return { suggestion: this.closest(text, prefer) };
  }

  // `group:alder-creek-it`, `user:default/kwame-ostrowski` and the like.
  private refOf(text: string, prefer: string): Person | undefined {
    if (!/^[\w.-]+:[\w./-]+$/.test(text.trim())) {
      return undefined;
    }
    try {
      const ref = parseEntityRef(text.trim(), {
        defaultKind: prefer,
        defaultNamespace: 'default',
      });
      return this.byRef.get(stringifyEntityRef(ref).toLocaleLowerCase('en-US'));
    } catch {
      return undefined;
    }
  }

  // The nearest names, then the same preferences as an exact match.
  private closest(
    text: string,
    prefer: 'group' | 'user',
  ): { name: string; ref: string } | undefined {
    const key = normalizeLabel(text);
    let allowed = Math.max(2, Math.floor(key.length / 4));
    let nearest = new Set<Person>();
    for (const [label, people] of this.labels) {
      const d = distance(key, label);
      if (d < allowed) {
        allowed = d;
        nearest = new Set();
      }
      if (d === allowed) {
        for (const person of people) {
          nearest.add(person);
        }
      }
    }
    const [best] = preferred([...nearest], prefer).sort((a, b) =>
      a.ref.localeCompare(b.ref, 'en-US'),
    );
    return best && { name: best.label, ref: best.ref };
  }
}

// Of several people a name fits, those of the kind the column means, and
// of those the district's own.
function preferred(found: Person[], prefer: 'group' | 'user'): Person[] {
  const ofKind = found.filter(p => p.kind === prefer);
  const pool = ofKind.length > 0 ? ofKind : found;
  const local = pool.filter(p => p.inDistrict);
  return local.length > 0 ? local : pool;
}

function bareGroup(ref: string): string {
  return ref.replace(/^group:/i, '').replace(/^default\//, '');
}
