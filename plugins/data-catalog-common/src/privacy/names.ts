/*
 * Personal names beside a date of birth. A name is two or more capitalised
 * words (Maria Lopez, Maria J. Lopez, Lopez, Maria, LOPEZ, MARIA), or one
 * with a possessive (Maria's), so that the capitalised first word of a
 * sentence is not taken for a name. Words that describe a record rather
 * than name a person are not names.
 */

const NOT_NAMES = new Set(
  `a an the this that each every any our their his her its no not for of and
  or with student students pupil child children learner person example
  sample test dummy fake placeholder default unknown missing blank null none
  invalid format field column value record records date birth birthdate dob
  age enter use uses used store stored stores keep kept show shows export
  import note notes see if when where set new york state district school
  county city sis iep ell mll swd ssn id ids nyssis ceds nysed boces ed-fi mm
  dd yy yyyy january february march april may june july august september
  october november december monday tuesday wednesday thursday friday
  saturday sunday`.split(/\s+/),
);

// A capitalised word, allowing O'Brien, McDonald and Smith-Jones.
const WORD = "\\p{Lu}[\\p{L}'’-]*";
const INITIAL = '\\p{Lu}\\.';
// Up to four words, a middle initial between them, or Last, First.
const NAME =
  `((?:${WORD}[ \\t]+(?:${INITIAL}[ \\t]*)?){0,3}${WORD}` +
  `|${WORD},[ \\t]*${WORD})`;

// A name ending a text, with what may stand between it and a label:
// "Maria Lopez,", "Maria Lopez (", "Maria Lopez was". A possessive
// ("Maria Lopez's") is the name's last word's own.
const NAME_AT_END = new RegExp(
  `(?<![\\p{L}'’-])${NAME}` +
    '[ \\t,:(\\-–—]{0,4}(?:(?:who[ \\t]+)?(?:was|is)[ \\t]+)?$',
  'u',
);

// A name starting a text, after what may follow a date: ", Maria Lopez",
// " for Maria Lopez".
const NAME_AT_START = new RegExp(
  `^[ \\t,;:)\\-–—]{0,4}(?:(?:for|of)[ \\t]+)?${NAME}(?![\\p{L}'’-])`,
  'u',
);

function isNameWord(word: string): boolean {
  const bare = word.replace(/['’]s$/u, '');
  return (
    bare.replace(/['’-]/gu, '').length >= 2 &&
    !NOT_NAMES.has(bare.toLocaleLowerCase('en-US'))
  );
}

const wordsOf = (name: string) =>
  name.split(/[ \t,]+/u).filter(word => !/^\p{Lu}\.$/u.test(word));

/** The name words nearest the label: the end of a name before it. */
function nameWordsBefore(name: string): number {
  const words = wordsOf(name);
  let count = 0;
  while (count < words.length && isNameWord(words[words.length - 1 - count])) {
    count += 1;
  }
  return count;
}

function nameWordsAfter(name: string): number {
  const words = wordsOf(name);
  let count = 0;
  while (count < words.length && isNameWord(words[count])) {
    count += 1;
  }
  return count;
}

/** A name found beside a label, and where it is in the text searched. */
export interface FoundName {
  name: string;
  index: number;
}

/** The name right before a date-of-birth label, if one is there. */
export function nameBefore(text: string): FoundName | undefined {
  const match = NAME_AT_END.exec(text);
  if (!match) {
    return undefined;
  }
  const words = nameWordsBefore(match[1]);
  const possessive = /['’]s$/u.test(match[1]);
  return words >= 2 || (words === 1 && possessive)
    ? { name: match[1], index: match.index }
    : undefined;
}

/** The name right after a date of birth, if one is there. */
export function nameAfter(text: string): FoundName | undefined {
  const match = NAME_AT_START.exec(text);
  if (!match || nameWordsAfter(match[1]) < 2) {
    return undefined;
  }
  return { name: match[1], index: match[0].length - match[1].length };
}
