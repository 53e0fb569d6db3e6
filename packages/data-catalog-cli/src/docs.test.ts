import fs from 'node:fs';
import path from 'node:path';
import {
  ELEMENT_COLUMNS,
  LINEAGE_COLUMNS,
  SOURCE_COLUMNS,
} from '@internal/plugin-data-catalog-node';
import { EXIT_CODES } from './exitCodes';

const docs = (file: string) =>
  fs.readFileSync(path.resolve(__dirname, '..', file), 'utf8');

// Districts fill their workbooks in from these pages: a column the import
// reads but the page does not list is one nobody will use.
describe("the tool's documentation", () => {
  it.each([
    ['elements', ELEMENT_COLUMNS],
    ['sources', SOURCE_COLUMNS],
    ['lineage', LINEAGE_COLUMNS],
  ])(
    'lists every column of the %s sheet with its other names',
    (_, columns) => {
      const page = docs('docs/import.md');

      for (const column of columns) {
        const aliases = column.aliases.join(', ') || '-';
        expect(page).toContain(`| ${column.header} `);
        expect(page).toMatch(
          new RegExp(
            `\\| ${column.header} +\\| ${aliases.replace(
              /[.*+?^${}()|[\]\\]/g,
              '\\$&',
            )} +\\|`,
          ),
        );
      }
    },
  );

  it('lists every exit code', () => {
    const readme = docs('README.md');

    for (const code of Object.values(EXIT_CODES)) {
      expect(readme).toMatch(new RegExp(`^\\| ${code} +\\|`, 'm'));
    }
  });
});
