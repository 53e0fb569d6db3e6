/**
 * Characters that are drawn like an ASCII letter or sign in common fonts,
 * with the ASCII they pass for and their Unicode name. Names and references
 * must be ASCII, so any of these in one is a mistake that a reader cannot
 * see: a Cyrillic "а" typed on a Russian or Ukrainian keyboard layout, a
 * Greek letter from a formula, or a dash that a word processor or a
 * spreadsheet put in place of a hyphen. Characters not listed here are
 * still caught; these only get a name and a suggested replacement.
 */
const LOOKALIKES: ReadonlyArray<readonly [number, string, string]> = [
  [0x0430, 'a', 'Cyrillic small letter a'],
  [0x0435, 'e', 'Cyrillic small letter ie'],
  [0x043e, 'o', 'Cyrillic small letter o'],
  [0x0440, 'p', 'Cyrillic small letter er'],
  [0x0441, 'c', 'Cyrillic small letter es'],
  [0x0443, 'y', 'Cyrillic small letter u'],
  [0x0445, 'x', 'Cyrillic small letter ha'],
  [0x0455, 's', 'Cyrillic small letter dze'],
  [0x0456, 'i', 'Cyrillic small letter Byelorussian-Ukrainian i'],
  [0x0458, 'j', 'Cyrillic small letter je'],
  [0x04bb, 'h', 'Cyrillic small letter shha'],
  [0x04cf, 'l', 'Cyrillic small letter palochka'],
  [0x0501, 'd', 'Cyrillic small letter komi de'],
  [0x051b, 'q', 'Cyrillic small letter qa'],
  [0x051d, 'w', 'Cyrillic small letter we'],
  [0x0410, 'A', 'Cyrillic capital letter a'],
  [0x0412, 'B', 'Cyrillic capital letter ve'],
  [0x0415, 'E', 'Cyrillic capital letter ie'],
  [0x041a, 'K', 'Cyrillic capital letter ka'],
  [0x041c, 'M', 'Cyrillic capital letter em'],
  [0x041d, 'H', 'Cyrillic capital letter en'],
  [0x041e, 'O', 'Cyrillic capital letter o'],
  [0x0420, 'P', 'Cyrillic capital letter er'],
  [0x0421, 'C', 'Cyrillic capital letter es'],
  [0x0422, 'T', 'Cyrillic capital letter te'],
  [0x0425, 'X', 'Cyrillic capital letter ha'],
  [0x0405, 'S', 'Cyrillic capital letter dze'],
  [0x0406, 'I', 'Cyrillic capital letter Byelorussian-Ukrainian i'],
  [0x0408, 'J', 'Cyrillic capital letter je'],
  [0x04ae, 'Y', 'Cyrillic capital letter straight u'],
  [0x04c0, 'I', 'Cyrillic letter palochka'],
  [0x051a, 'Q', 'Cyrillic capital letter qa'],
  [0x051c, 'W', 'Cyrillic capital letter we'],
  [0x03b1, 'a', 'Greek small letter alpha'],
  [0x03b9, 'i', 'Greek small letter iota'],
  [0x03ba, 'k', 'Greek small letter kappa'],
  [0x03bd, 'v', 'Greek small letter nu'],
  [0x03bf, 'o', 'Greek small letter omicron'],
  [0x03c1, 'p', 'Greek small letter rho'],
  [0x03c5, 'u', 'Greek small letter upsilon'],
  [0x03c7, 'x', 'Greek small letter chi'],
  [0x03f2, 'c', 'Greek lunate sigma symbol'],
  [0x03f3, 'j', 'Greek letter yot'],
  [0x0391, 'A', 'Greek capital letter alpha'],
  [0x0392, 'B', 'Greek capital letter beta'],
  [0x0395, 'E', 'Greek capital letter epsilon'],
  [0x0396, 'Z', 'Greek capital letter zeta'],
  [0x0397, 'H', 'Greek capital letter eta'],
  [0x0399, 'I', 'Greek capital letter iota'],
  [0x039a, 'K', 'Greek capital letter kappa'],
  [0x039c, 'M', 'Greek capital letter mu'],
  [0x039d, 'N', 'Greek capital letter nu'],
  [0x039f, 'O', 'Greek capital letter omicron'],
  [0x03a1, 'P', 'Greek capital letter rho'],
  [0x03a4, 'T', 'Greek capital letter tau'],
  [0x03a5, 'Y', 'Greek capital letter upsilon'],
  [0x03a7, 'X', 'Greek capital letter chi'],
  [0x0131, 'i', 'Latin small letter dotless i'],
  [0x0261, 'g', 'Latin small letter script g'],
  [0x01c0, 'l', 'Latin letter dental click'],
  [0x2113, 'l', 'script small l'],
  [0x0585, 'o', 'Armenian small letter oh'],
  [0x2010, '-', 'hyphen'],
  [0x2011, '-', 'non-breaking hyphen'],
  [0x2012, '-', 'figure dash'],
  [0x2013, '-', 'en dash'],
  [0x2014, '-', 'em dash'],
  [0x2212, '-', 'minus sign'],
  [0x02d7, '-', 'modifier letter minus sign'],
  [0x2024, '.', 'one dot leader'],
];

/**
 * Characters that take no space on screen; copied text brings them along.
 * The fix is to delete them.
 */
const INVISIBLES: ReadonlyArray<readonly [number, string]> = [
  [0x00ad, 'soft hyphen'],
  [0x200b, 'zero width space'],
  [0x200c, 'zero width non-joiner'],
  [0x200d, 'zero width joiner'],
  [0x2060, 'word joiner'],
  [0xfeff, 'zero width no-break space'],
];

const lookalikeByCodePoint = new Map(
  LOOKALIKES.map(([codePoint, ascii, name]) => [codePoint, { ascii, name }]),
);
const invisibleByCodePoint = new Map(INVISIBLES);

// Beyond this many different characters the message would be a list of
// code points nobody reads; the first few show what went wrong.
const MAX_DESCRIBED = 5;

/** One character of a text that is not ASCII, and what it stands for. */
interface ForeignCharacter {
  character: string;
  /** `U+0430`. */
  codePoint: string;
  name?: string;
  /** The ASCII it passes for; empty for an invisible character. */
  ascii?: string;
}

function isAscii(character: string): boolean {
  return character.codePointAt(0)! <= 0x7f;
}

/** Whether every character of the text is ASCII. */
export function isAsciiText(text: string): boolean {
  for (const character of text) {
    if (!isAscii(character)) {
      return false;
    }
  }
  return true;
}

function describeCharacter(character: string): ForeignCharacter {
  const point = character.codePointAt(0)!;
  const codePoint = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

  const listed = lookalikeByCodePoint.get(point);
  if (listed) {
    return { character, codePoint, ...listed };
  }
  const invisible = invisibleByCodePoint.get(point);
  if (invisible) {
    return { character, codePoint, name: invisible, ascii: '' };
  }

  // Compatibility forms (full-width "ａ", mathematical "𝐚", the ligature
  // "ﬁ") normalise to ASCII; accented letters do once the accent is
  // dropped. Neither is a look-alike in the strict sense, but the ASCII is
  // what the author almost certainly meant.
  const compatible = character.normalize('NFKC');
  if (compatible !== character && isAsciiText(compatible)) {
    return { character, codePoint, ascii: compatible };
  }
  const unaccented = character.normalize('NFD').replace(/\p{M}/gu, '');
  if (unaccented !== character && unaccented && isAsciiText(unaccented)) {
    return { character, codePoint, ascii: unaccented };
  }
  return { character, codePoint };
}

function phrase(found: ForeignCharacter): string {
  const named = found.name
    ? `${found.codePoint}, ${found.name}`
    : found.codePoint;
  if (found.ascii === '') {
    return `an invisible ${found.codePoint} (${found.name})`;
  }
  if (found.ascii !== undefined) {
    return `the look-alike "${found.character}" (${named}) in place of "${found.ascii}"`;
  }
  return `"${found.character}" (${named}), which is not ASCII`;
}

function joinPhrases(phrases: string[]): string {
  if (phrases.length <= 1) {
    return phrases.join('');
  }
  return `${phrases.slice(0, -1).join(', ')} and ${
    phrases[phrases.length - 1]
  }`;
}

/**
 * Says which characters of a name or reference are not ASCII, and what to
 * write instead: `"dаily" has the look-alike "а" (U+0430, Cyrillic small
 * letter a) in place of "a"; expected ASCII only, as in "daily"`. The
 * suggestion is offered only when every such character has an ASCII
 * counterpart and `isValid` accepts the result. Undefined for ASCII text.
 */
export function describeNonAscii(
  text: string,
  isValid: (suggestion: string) => boolean,
): string | undefined {
  const distinct = new Map<string, ForeignCharacter>();
  let suggestion = '';
  let complete = true;

  for (const character of text) {
    if (isAscii(character)) {
      suggestion += character;
      continue;
    }
    const found = distinct.get(character) ?? describeCharacter(character);
    distinct.set(character, found);
    if (found.ascii === undefined) {
      complete = false;
    } else {
      suggestion += found.ascii;
    }
  }
  if (distinct.size === 0) {
    return undefined;
  }

  const all = [...distinct.values()];
  const phrases = all.slice(0, MAX_DESCRIBED).map(phrase);
  if (all.length > MAX_DESCRIBED) {
    phrases.push(
      `${all.length - MAX_DESCRIBED} more characters that are not ASCII`,
    );
  }
  const expected =
    complete && isValid(suggestion)
      ? `ASCII only, as in "${suggestion}"`
      : 'ASCII letters, digits, -, _ and . only';
  return `"${text}" has ${joinPhrases(phrases)}; expected ${expected}`;
}
