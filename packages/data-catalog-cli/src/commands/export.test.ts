import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { cli, DEMO_CATALOG, temporaryFolder } from '../__testUtils__/cli';

jest.setTimeout(60_000);

const demo = loadDemoCatalog();
const alderSources = demo.filter(
  e => e.kind === 'DataSource' && e.spec?.district === 'group:alder-creek',
);
const indicators = demo.filter(e => e.kind === 'Indicator');

async function readWorkbook(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows = (sheet: string) =>
    workbook
      .getWorksheet(sheet)!
      .getSheetValues()
      .slice(2)
      .filter(Boolean)
      .map(row => (row as unknown[]).slice(1).map(v => String(v ?? '')));
  return { workbook, rows };
}

describe('data-catalog export', () => {
  it("writes a district's workbook with its sources, elements and gaps", async () => {
    const out = path.join(temporaryFolder(), 'alder.xlsx');

    const { code, stdout } = await cli(
      'export',
      '--district',
      'alder-creek',
      '--catalog',
      DEMO_CATALOG,
      '--out',
      out,
    );

    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote ${out}: ${alderSources.length} sources`);
    const { workbook, rows } = await readWorkbook(out);
    expect(workbook.worksheets.map(s => s.name)).toEqual([
      'Sources and elements',
      'Sources',
      'Lineage',
      'Indicators',
      'Gaps',
      'Action plan',
    ]);

    // One row per element per source, each naming its source.
    const provided = alderSources.flatMap(s =>
      (s.spec!.provides as Array<{ field: string }>).map(p => [
        s.metadata.name,
        p.field,
      ]),
    );
    expect(
      rows('Sources and elements')
        .map(r => [r[16], r[5]])
        .sort(),
    ).toEqual(provided.sort());

    // Every indicator assessed for the district, with a reason.
    const gaps = rows('Gaps');
    expect(gaps.map(r => r[1]).sort()).toEqual(
      indicators.map(i => i.metadata.name).sort(),
    );
    for (const gap of gaps) {
      expect(gap[0]).toBe('Alder Creek Central School District');
      expect(['Available', 'Partial', 'Missing', 'Not applicable']).toContain(
        gap[5],
      );
      expect(gap[6]).not.toBe('');
    }
  });

  it("writes the region's workbook with every district's gaps", async () => {
    const out = path.join(temporaryFolder(), 'region.xlsx');

    const { code } = await cli(
      'export',
      '--region',
      '--catalog',
      DEMO_CATALOG,
      '--out',
      out,
    );

    expect(code).toBe(0);
    const { rows } = await readWorkbook(out);
    const districts = demo.filter(
      e => e.kind === 'Group' && e.spec?.type === 'district',
    );
    expect(rows('Gaps')).toHaveLength(districts.length * indicators.length);
    expect(rows('Sources')).toHaveLength(
      demo.filter(e => e.kind === 'DataSource').length,
    );
  });

  it('names the districts there are when the one asked for is unknown', async () => {
    const folder = temporaryFolder();

    const { code, stderr } = await cli(
      'export',
      '--district',
      'atlantis',
      '--catalog',
      DEMO_CATALOG,
      '--out',
      path.join(folder, 'x.xlsx'),
    );

    expect(code).toBe(2);
    expect(stderr).toContain('no district "atlantis"');
    expect(stderr).toContain('alder-creek, birch-harbor');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('asks for a district or the region, not both', async () => {
    const both = await cli('export', '--district', 'dunmore', '--region');
    const neither = await cli('export');

    expect([both.code, neither.code]).toEqual([2, 2]);
    expect(neither.stderr).toContain(
      'give either --district <name> or --region',
    );
  });

  it('leaves an existing workbook alone when it cannot write', async () => {
    const folder = temporaryFolder();
    const out = path.join(folder, 'missing-folder', 'alder.xlsx');

    const { code, stderr } = await cli(
      'export',
      '--district',
      'alder-creek',
      '--catalog',
      DEMO_CATALOG,
      '--out',
      out,
    );

    expect(code).toBe(9);
    expect(stderr).toContain(`could not write ${out}`);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
