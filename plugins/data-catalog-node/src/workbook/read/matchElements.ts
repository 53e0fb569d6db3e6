import { Entity } from '@backstage/catalog-model';
import { normalizeLabel } from '../layout';
import { bareName } from './entityNames';

/** How a row's element was found in the vocabulary. */
export type ElementMatch =
  | { name: string; by: 'element ID' | 'name' | 'title' | 'CEDS ID' }
  | { ambiguous: string[]; by: 'title' | 'CEDS ID' }
  | undefined;

// Six digits, with or without a `CEDS` in front; Excel drops leading
// zeros from one typed as a number, so shorter numbers are padded.
const CEDS = /^(?:ceds\s*(?:id)?\s*:?\s*)?(\d{1,6})$/i;

/**
 * Finds elements of the shared vocabulary by what a workbook row says: the
 * Element ID (a name or reference), or the Data element text compared,
 * normalised, with names and titles, or a CEDS ID.
 */
export class ElementMatcher {
  private readonly names = new Map<string, string>();
  private readonly normalizedNames = new Map<string, string>();
  private readonly titles = new Map<string, string[]>();
  private readonly ceds = new Map<string, string[]>();

  constructor(elements: Entity[]) {
    for (const element of elements) {
      const name = element.metadata.name;
      this.add(name);
      const title = element.metadata.title;
      if (title) {
        const key = normalizeLabel(title);
        const named = this.titles.get(key) ?? [];
        this.titles.set(key, [...named, name]);
      }
      const cedsId = (element.spec?.ceds as { id?: unknown } | undefined)?.id;
      if (typeof cedsId === 'string') {
        this.ceds.set(cedsId, [...(this.ceds.get(cedsId) ?? []), name]);
      }
    }
  }

  /** Makes an element proposed by this import findable by its name. */
  add(name: string): void {
    this.names.set(name.toLocaleLowerCase('en-US'), name);
    this.normalizedNames.set(normalizeLabel(name), name);
  }

  /** Whether an element of that name is known. */
  has(name: string): boolean {
    return this.names.has(name.toLocaleLowerCase('en-US'));
  }

  byId(id: string): ElementMatch {
    const name = this.names.get(bareName(id).toLocaleLowerCase('en-US'));
    return name ? { name, by: 'element ID' } : undefined;
  }

  byText(text: string): ElementMatch {
    const key = normalizeLabel(text);
    const name = this.names.get(text.toLocaleLowerCase('en-US'));
    if (name) {
      return { name, by: 'name' };
    }
    const titled = this.titles.get(key) ?? [];
    if (titled.length === 1) {
      return { name: titled[0], by: 'title' };
    }
    if (titled.length > 1) {
      return { ambiguous: [...titled].sort(), by: 'title' };
    }
    const normalized = this.normalizedNames.get(key);
    if (normalized) {
      return { name: normalized, by: 'name' };
    }
    const ceds = CEDS.exec(text.trim());
    if (ceds) {
      const matches = this.ceds.get(ceds[1].padStart(6, '0')) ?? [];
      if (matches.length === 1) {
        return { name: matches[0], by: 'CEDS ID' };
      }
      if (matches.length > 1) {
        return { ambiguous: [...matches].sort(), by: 'CEDS ID' };
      }
    }
    return undefined;
  }
}
