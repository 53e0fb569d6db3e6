import { Entity } from '@backstage/catalog-model';
import { normalizeLabel } from '../layout';
import { UnknownPerson } from './importTypes';
import { PeopleMatcher } from './matchPeople';
import { ParsedRow, SourceFields } from './parseRows';

const COLUMNS = [
  { key: 'owner', header: 'Owner', prefer: 'group' },
  { key: 'steward', header: 'Steward', prefer: 'user' },
] as const;

export interface ResolvedPeople {
  /** The reference each Owner or Steward text stands for. */
  refOf(column: 'owner' | 'steward', text: string): string | undefined;
  unknown: UnknownPerson[];
}

/**
 * Matches every Owner and Steward name of every row, not only the ones a
 * source ends up using, so that a misspelt name on any row is caught. Each
 * unknown name is listed once, with all the rows that use it.
 */
export function resolvePeople(
  catalog: Entity[],
  district: string,
  rows: ParsedRow<SourceFields>[],
): ResolvedPeople {
  const matcher = new PeopleMatcher(catalog, district);
  const refs = new Map<string, string>();
  const unknown = new Map<string, UnknownPerson>();

  for (const row of rows) {
    for (const { key, header, prefer } of COLUMNS) {
      const text = row.values[key];
      if (!text) {
        continue;
      }
      const id = `${key}:${normalizeLabel(text)}`;
      if (refs.has(id)) {
        continue;
      }
      const known = unknown.get(id);
      if (known) {
        known.rows.push({ sheet: row.sheet, row: row.row });
        continue;
      }
      const match = matcher.match(text, prefer);
      if ('ref' in match) {
        refs.set(id, match.ref);
      } else {
        unknown.set(id, {
          name: text,
          column: header,
          rows: [{ sheet: row.sheet, row: row.row }],
          ...match,
        });
      }
    }
  }

  return {
    refOf: (column, text) => refs.get(`${column}:${normalizeLabel(text)}`),
    unknown: [...unknown.values()],
  };
}
