import fs from 'node:fs';
import path from 'node:path';
import { cli, DEMO_CATALOG, temporaryFolder } from '../__testUtils__/cli';
import {
  CellValue,
  INVENTORY_HEADER,
  inventoryRow,
  writeWorkbook,
} from '../__testUtils__/workbooks';

jest.setTimeout(120_000);

/** A complete row of Dunmore's inventory, with its Notes as given. */
const row = (element: string, field: string, notes?: string): CellValue[] =>
  inventoryRow({ source: 'SIS', element, field, notes });

describe('data-catalog import of a workbook with student records', () => {
  let folder: string;
  let out: string;

  beforeEach(() => {
    folder = temporaryFolder();
    out = path.join(folder, 'out');
  });

  const importRows = async (rows: CellValue[][]) => {
    const workbook = await writeWorkbook(path.join(folder, 'inventory.xlsx'), [
      { name: 'Inventory', rows: [INVENTORY_HEADER, ...rows] },
    ]);
    const result = await cli(
      'import',
      workbook,
      '--district',
      'dunmore',
      '--catalog',
      DEMO_CATALOG,
      '--out',
      out,
    );
    return { workbook, result };
  };

  it('exits 6, names the cell, masks the value and writes nothing', async () => {
    const { workbook, result } = await importRows([
      row('Grade level', 'grade', 'Kept for 2024-25, grades K-12'),
      row('District student ID', 'stu_id', 'e.g. 2087654321 for Maria Lopez'),
    ]);

    expect(result.code).toBe(6);
    expect(result.stderr).toContain(
      `data-catalog: 1 problem in ${workbook} keep rows from becoming ` +
        'entities; nothing was written',
    );
    expect(result.stdout).toMatch(
      /^Inventory!3 Notes \(column K\): looks like a student record: a 10-digit number like a New York student ID \(NYSSIS\) \(\*{8}21\)\. The data catalog holds metadata about data, never student records, which FERPA and New York Education Law 2-d protect\. Describe the data instead: /,
    );
    expect(result.stdout + result.stderr).not.toContain('2087654321');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(folder)).toEqual(['inventory.xlsx']);
  });

  it('imports the same workbook once the notes describe the field', async () => {
    const { result } = await importRows([
      row('Grade level', 'grade', 'Kept for 2024-25, grades K-12'),
      row('District student ID', 'stu_id', 'The 10-digit NYSSIS ID'),
    ]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readdirSync(out)).not.toEqual([]);
  });
});
