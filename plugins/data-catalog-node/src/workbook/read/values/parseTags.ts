import { CellInput, cellText } from './cellInput';
import { Parsed } from './parsed';

// Backstage's rule for tags: lower-case words joined by dashes.
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/**
 * Reads catalog tags separated by commas. Tags are written in lower case
 * with dashes for spaces, so `Special Education` becomes
 * `special-education`.
 */
export function parseTags(input: CellInput): Parsed<string[]> {
  const tags: string[] = [];
  for (const part of cellText(input).split(/[,;\n]/)) {
    const tag = part
      .trim()
      .toLocaleLowerCase('en-US')
      .replace(/[\s_]+/g, '-');
    if (tag === '') {
      continue;
    }
    if (!TAG.test(tag) || tag.length > 63) {
      return {
        expected:
          'tags of letters, digits and dashes, at most 63 characters each, separated by commas',
      };
    }
    if (!tags.includes(tag)) {
      tags.push(tag);
    }
  }
  return { value: tags };
}
