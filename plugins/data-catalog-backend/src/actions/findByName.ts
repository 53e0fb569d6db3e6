import { InputError, NotFoundError } from '@backstage/errors';
import { refOf } from '../readModel/buildReadModel';

/** Something an assistant may name: a district, an indicator. */
export interface Named {
  ref: string;
  name: string;
  title: string;
}

/** How to find one kind of thing by what a person would call it. */
export interface NameMatching {
  /** What is looked for, in the singular, for messages: "district". */
  what: string;
  /** The entity kind of a bare reference: `group` for a district. */
  kind: string;
  /** The action that lists every candidate, named in a miss's message. */
  listedBy: string;
  /**
   * Words that say nothing about which one is meant ("central school
   * district"), left out when names are compared.
   */
  fillerWords?: string[];
}

/** The words of a name, lower case, without accents or punctuation. */
function wordsOf(text: string, filler: Set<string>): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .split(/[^a-z0-9]+/)
    .filter(word => word && !filler.has(word));
}

function tryRef(text: string, kind: string): string | undefined {
  try {
    return refOf(text, { defaultKind: kind, defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

function describe(candidate: Named): string {
  return `${candidate.title} (${candidate.ref})`;
}

/**
 * The candidates whose name or title is the text given, in any case,
 * spacing and punctuation and without filler words; if there are none,
 * those whose name or title has a word starting with each word given.
 */
export function matchingNames<T extends Named>(
  text: string,
  candidates: T[],
  matching: Pick<NameMatching, 'what' | 'fillerWords'>,
): T[] {
  const filler = new Set(matching.fillerWords ?? []);
  const wanted = wordsOf(text, filler);
  if (wanted.length === 0) {
    throw new InputError(
      `"${text}" does not name a ${matching.what}: give its name, title or reference`,
    );
  }

  const key = wanted.join(' ');
  const exact = candidates.filter(
    c =>
      wordsOf(c.name, filler).join(' ') === key ||
      wordsOf(c.title, filler).join(' ') === key,
  );
  if (exact.length > 0) {
    return exact;
  }
  return candidates.filter(c => {
    const words = [...wordsOf(c.name, filler), ...wordsOf(c.title, filler)];
    return wanted.every(w => words.some(x => x.startsWith(w)));
  });
}

/**
 * Finds the one candidate a person means: by its reference, by its name,
 * by its title in any case and spacing, or, failing those, by the words
 * given appearing in its name or title ("alder" for Alder Creek Central
 * School District). Several candidates that fit equally are an InputError
 * naming them; none is a NotFoundError saying where to look.
 */
export function findByName<T extends Named>(
  text: string,
  candidates: T[],
  matching: NameMatching,
): T {
  const ref = tryRef(text.trim(), matching.kind);
  const byRef = candidates.find(c => c.ref === ref);
  if (byRef) {
    return byRef;
  }

  const found = matchingNames(text, candidates, matching);
  if (found.length === 1) {
    return found[0];
  }
  if (found.length > 1) {
    const shown = found.slice(0, 10).map(describe).join('; ');
    const more = found.length > 10 ? ` and ${found.length - 10} more` : '';
    throw new InputError(
      `"${text}" matches ${found.length} ${matching.what}s: ${shown}${more}. Name one by its reference`,
    );
  }
  throw new NotFoundError(
    `No ${matching.what} matches "${text}"; ${matching.listedBy} lists every ${matching.what} in the catalog`,
  );
}
