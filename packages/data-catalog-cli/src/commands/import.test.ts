import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { BIN, cli, DEMO_CATALOG, temporaryFolder } from '../__testUtils__/cli';
import {
  CellValue,
  INVENTORY_HEADER,
  inventoryRow,
  writeEncryptedWorkbook,
  writeLargeWorkbook,
  writeLegacyWorkbook,
  writeWorkbook,
} from '../__testUtils__/workbooks';

// Generous: the machine is small and shared with other test suites.
jest.setTimeout(120_000);

const DISTRICTS = [
  'alder-creek',
  'birch-harbor',
  'cedar-point',
  'dunmore',
  'elmwood-falls',
];

type Entity = {
  kind: string;
  metadata: { name: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** Every entity of the YAML files directly in a folder, by file. */
function readEntities(dir: string): Array<{ file: string; entity: Entity }> {
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map(
        doc => ({ file, entity: doc.toJS() as Entity }),
      ),
    );
}

/** The DataSources of a folder, by name, in name order. */
function dataSources(dir: string): Record<string, Entity> {
  return Object.fromEntries(
    readEntities(dir)
      .map(({ entity }) => entity)
      .filter(entity => entity.kind === 'DataSource')
      .map(entity => [entity.metadata.name, entity] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Each file under a folder, by relative path, with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, {
    recursive: true,
    encoding: 'utf8',
  })) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) {
      files[name] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

/** Runs `import` against the demo catalog. */
function importWorkbook(
  workbook: string,
  district: string,
  out: string,
  ...rest: string[]
) {
  return cli(
    'import',
    workbook,
    '--district',
    district,
    '--catalog',
    DEMO_CATALOG,
    '--out',
    out,
    ...rest,
  );
}

/** A failure's message as the user sees it: on stderr, no stack trace. */
function expectMessage(result: { stderr: string }, message: string) {
  expect(result.stderr).toContain(`data-catalog: ${message}`);
  expect(result.stderr).not.toContain('    at ');
}

describe('data-catalog import', () => {
  describe.each(DISTRICTS)('of the workbook exported for %s', district => {
    const demoFolder = path.join(DEMO_CATALOG, 'districts', district);
    let workbook: string;

    beforeAll(async () => {
      workbook = path.join(temporaryFolder(), `${district}.xlsx`);
      const exported = await cli(
        'export',
        '--district',
        district,
        '--catalog',
        DEMO_CATALOG,
        '--out',
        workbook,
      );
      if (exported.code !== 0) {
        throw new Error(`export failed: ${exported.stderr}`);
      }
    });

    it('gives back the same sources, one file each, into a new folder', async () => {
      const out = path.join(temporaryFolder(), district);

      const { code, stdout } = await importWorkbook(workbook, district, out);

      expect(code).toBe(0);
      // The workbook carries no annotations (an OpenLineage claim, say):
      // into a new folder a source comes without them; into the
      // district's own folder the merge keeps those its YAML has.
      const expected = Object.fromEntries(
        Object.entries(dataSources(demoFolder)).map(([name, source]) => {
          const { annotations: _annotations, ...metadata } = (source as any)
            .metadata;
          return [name, { ...(source as any), metadata }];
        }),
      );
      const count = Object.keys(expected).length;
      expect(stdout).toContain(
        `Wrote ${count} sources (${count} new, 0 merged) and 0 proposed ` +
          'elements for review; 0 rows skipped.',
      );
      expect(dataSources(out)).toStrictEqual(expected);
      expect(fs.readdirSync(out).sort()).toEqual(
        fs.readdirSync(demoFolder).sort(),
      );
    });

    it("merges every source into a copy of the district's folder and leaves its other files alone", async () => {
      const out = path.join(temporaryFolder(), district);
      fs.cpSync(demoFolder, out, { recursive: true });
      fs.writeFileSync(path.join(out, 'README.md'), '# Our sources\n');
      fs.mkdirSync(path.join(out, 'notes'));
      fs.writeFileSync(path.join(out, 'notes', 'contacts.txt'), 'Call Omar\n');
      const before = snapshot(out);

      const { code, stdout } = await importWorkbook(workbook, district, out);

      expect(code).toBe(0);
      const files = fs
        .readdirSync(demoFolder)
        .filter(file => file.endsWith('.yaml'))
        .sort();
      expect(stdout.trimEnd().split('\n')).toEqual([
        ...files.map(file => `replaced ${file}`),
        `Wrote ${files.length} sources (0 new, ${files.length} merged) and ` +
          '0 proposed elements for review; 0 rows skipped.',
      ]);
      expect(dataSources(out)).toStrictEqual(dataSources(demoFolder));
      const after = snapshot(out);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(after['README.md']).toBe(before['README.md']);
      expect(after[path.join('notes', 'contacts.txt')]).toBe('Call Omar\n');
      expect(fs.readdirSync(path.dirname(out))).toEqual([district]);
    });
  });

  describe("a district's own workbook", () => {
    /**
     * Dunmore's inventory as its staff keep it: a merged title above the
     * header, headers in their own words and order, a column the tool does
     * not know, blank rows, a section row, and a second sheet laid out
     * differently.
     */
    async function dunmoreWorkbook(folder: string): Promise<string> {
      return writeWorkbook(path.join(folder, 'Dunmore inventory.xlsx'), [
        {
          name: 'Student systems',
          merges: ['A1:Q1'],
          rows: [
            ['Dunmore data inventory, 2024-25'],
            [],
            [
              'Reviewed by',
              'SYSTEM NAME',
              'data_element',
              'Column Name',
              'Grade Span',
              'School Years',
              'Update Frequency',
              'How accessed?',
              'Linked to Student ID?',
              'System Owner',
              'Data Steward',
              'Sensitivity',
              'Status',
              'Comments',
              'Type',
              'Vendor Name',
              'Element definition',
            ],
            [
              'IN',
              'Attendance Tracker',
              'District student ID',
              'stu_id',
              'K-12',
              '2022-23 to 2024-25',
              'Nightly',
              'SFTP/CSV',
              'Y',
              'Dunmore Technology Services',
              'Omar Haskell',
              'Confidential',
              'Yes',
              null,
              'Student information system',
              'Acme Ed',
            ],
            [],
            [
              'IN',
              'Attendance Tracker',
              'Period tardies',
              'tardy_ct',
              '6-12',
              '2024-25',
              'Nightly',
              'SFTP/CSV',
              'Y',
              'Dunmore Technology Services',
              'Omar Haskell',
              'Confidential',
              'partially',
              'High schools only',
              'Student information system',
              'Acme Ed',
              'Class periods a student arrived late to',
            ],
            [null, 'Systems being retired'],
            [],
            [
              null,
              'Attendance Tracker',
              'Grade level',
              'grade_lvl',
              'K-12',
              '2022-23 to 2024-25',
            ],
          ],
        },
        {
          name: 'Assessments',
          rows: [
            [
              'Element',
              'field',
              'Source',
              'CATEGORY',
              'Refresh frequency',
              'Access',
              'Linkable',
              'Owner',
              'Privacy',
              'Grades',
            ],
            [
              'Grade level',
              'grade',
              'Reading Buddy',
              'Assessments',
              'Each term',
              'Export',
              'yes',
              'dunmore-instruction',
              'PII',
              '3-8',
            ],
            [
              'Fluency words per minute',
              'wcpm',
              'Reading Buddy',
              'Assessments',
              'Each term',
              'Export',
              'yes',
              'dunmore-instruction',
              'PII',
              '3-5',
            ],
          ],
        },
      ]);
    }

    const grades = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

    it('becomes sources and proposed elements marked for review', async () => {
      const folder = temporaryFolder();
      const workbook = await dunmoreWorkbook(folder);
      const out = path.join(folder, 'dunmore');

      const { code, stdout, stderr } = await importWorkbook(
        workbook,
        'dunmore',
        out,
      );

      expect(code).toBe(0);
      expect(stdout.trimEnd().split('\n')).toEqual([
        'wrote attendance-tracker.yaml',
        'wrote reading-buddy.yaml',
        'wrote proposed-elements/period-tardies.yaml',
        'wrote proposed-elements/fluency-words-per-minute.yaml',
        'Wrote 2 sources (2 new, 0 merged) and 2 proposed elements for ' +
          'review; 1 row skipped.',
      ]);
      expect(stderr).toContain(
        'note: sheet Student systems: ignored columns Reviewed by\n',
      );

      expect(dataSources(out)).toStrictEqual({
        'dunmore-attendance-tracker': {
          apiVersion: 'datacatalog.k12.dev/v1alpha1',
          kind: 'DataSource',
          metadata: {
            name: 'dunmore-attendance-tracker',
            title: 'Attendance Tracker',
          },
          spec: {
            type: 'sis',
            category: 'administrative',
            lifecycle: 'production',
            owner: 'group:dunmore-it',
            steward: 'user:omar-haskell',
            district: 'group:dunmore',
            vendor: 'Acme Ed',
            access: { method: 'export', frequency: 'daily' },
            linkableByStudentId: true,
            coverage: {
              grades: ['K', ...grades(1, 12)],
              years: ['2022-23', '2023-24', '2024-25'],
            },
            privacy: 'pii',
            provides: [
              { element: 'dataelement:student-identifier', field: 'stu_id' },
              {
                element: 'dataelement:period-tardies',
                field: 'tardy_ct',
                status: 'partial',
                coverage: { grades: grades(6, 12), years: ['2024-25'] },
                note: 'High schools only',
              },
              { element: 'dataelement:grade-level', field: 'grade_lvl' },
            ],
          },
        },
        'dunmore-reading-buddy': {
          apiVersion: 'datacatalog.k12.dev/v1alpha1',
          kind: 'DataSource',
          metadata: { name: 'dunmore-reading-buddy', title: 'Reading Buddy' },
          spec: {
            type: 'assessment',
            category: 'assessment',
            lifecycle: 'production',
            owner: 'group:dunmore-instruction',
            district: 'group:dunmore',
            access: { method: 'export', frequency: 'term' },
            linkableByStudentId: true,
            coverage: { grades: grades(3, 8), years: [] },
            privacy: 'pii',
            provides: [
              { element: 'dataelement:grade-level', field: 'grade' },
              {
                element: 'dataelement:fluency-words-per-minute',
                field: 'wcpm',
                coverage: { grades: grades(3, 5) },
              },
            ],
          },
        },
      });

      const proposed = readEntities(path.join(out, 'proposed-elements'));
      expect(proposed.map(p => p.file)).toEqual([
        'fluency-words-per-minute.yaml',
        'period-tardies.yaml',
      ]);
      for (const { entity } of proposed) {
        expect(entity).toMatchObject({
          kind: 'DataElement',
          metadata: {
            annotations: { 'datacatalog.k12.dev/review': 'proposed' },
          },
          spec: { owner: 'group:dunmore-data-team' },
        });
      }
      const tardies = proposed[1].entity;
      expect(tardies.metadata).toMatchObject({
        name: 'period-tardies',
        title: 'Period tardies',
      });
      expect(tardies.metadata.description).toContain(
        'Dunmore inventory.xlsx (sheet Student systems, row 6)',
      );
      expect(tardies.spec).toMatchObject({
        definition: 'Class periods a student arrived late to',
        domain: 'enrollment',
      });
      expect(proposed[0].entity.spec).toMatchObject({
        domain: 'assessment',
        privacy: 'pii',
      });
    });

    it('in a dry run writes no folder and says what each row would become', async () => {
      const folder = temporaryFolder();
      const workbook = await dunmoreWorkbook(folder);
      const out = path.join(folder, 'dunmore');

      const { code, stdout } = await importWorkbook(
        workbook,
        'dunmore',
        out,
        '--dry-run',
      );

      expect(code).toBe(0);
      expect(stdout.trimEnd().split('\n')).toEqual([
        'Student systems!4  created  dunmore-attendance-tracker / ' +
          'student-identifier  (element by title)',
        'Student systems!6  created  dunmore-attendance-tracker / ' +
          'period-tardies  (proposed element)',
        'Student systems!7  skipped  -  (title or section row)',
        'Student systems!9  created  dunmore-attendance-tracker / ' +
          'grade-level  (element by title)',
        'Assessments!2  created  dunmore-reading-buddy / grade-level  ' +
          '(element by title)',
        'Assessments!3  created  dunmore-reading-buddy / ' +
          'fluency-words-per-minute  (proposed element)',
        'Would write 2 sources (2 new, 0 merged) and 2 proposed elements ' +
          'for review; 1 row skipped.',
        'Dry run: nothing was written.',
      ]);
      expect(fs.readdirSync(folder)).toEqual(['Dunmore inventory.xlsx']);
    });

    it('in a dry run over an existing folder says which rows merge and changes nothing', async () => {
      const folder = temporaryFolder();
      const workbook = await dunmoreWorkbook(folder);
      const out = path.join(folder, 'dunmore');
      fs.mkdirSync(out);
      fs.writeFileSync(
        path.join(out, 'reading.yaml'),
        [
          '# Kept by hand.',
          'apiVersion: datacatalog.k12.dev/v1alpha1',
          'kind: DataSource',
          'metadata:',
          '  name: dunmore-reading-buddy',
          'spec:',
          '  type: assessment',
          '  owner: group:dunmore-instruction',
          '  district: group:dunmore',
          '',
        ].join('\n'),
      );
      const before = snapshot(out);

      const { code, stdout } = await importWorkbook(
        workbook,
        'dunmore',
        out,
        '--dry-run',
      );

      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines.filter(line => line.startsWith('Assessments!'))).toEqual([
        'Assessments!2  merged   dunmore-reading-buddy / grade-level  ' +
          '(element by title)',
        'Assessments!3  merged   dunmore-reading-buddy / ' +
          'fluency-words-per-minute  (proposed element)',
      ]);
      expect(lines[0]).toMatch(/^Student systems!4 {2}created {2}/);
      expect(lines.slice(-2)).toEqual([
        'Would write 2 sources (1 new, 1 merged) and 2 proposed elements ' +
          'for review; 1 row skipped.',
        'Dry run: nothing was written.',
      ]);
      expect(snapshot(out)).toEqual(before);
      expect(fs.readdirSync(folder).sort()).toEqual([
        'Dunmore inventory.xlsx',
        'dunmore',
      ]);
    });
  });

  describe('refuses bad input without writing anything', () => {
    /** A complete row of the inventory sheet. */
    function row(
      source: string | null,
      element: string,
      field: string,
      owner?: string,
      steward?: string,
    ): CellValue[] {
      return inventoryRow({ source, element, field, owner, steward });
    }

    function inventory(folder: string, rows: CellValue[][]) {
      return writeWorkbook(path.join(folder, 'inventory.xlsx'), [
        { name: 'Inventory', rows: [INVENTORY_HEADER, ...rows] },
      ]);
    }

    let folder: string;
    let out: string;

    beforeEach(() => {
      folder = temporaryFolder();
      out = path.join(folder, 'out');
    });

    /** Nothing but the input files is in the test's folder. */
    function expectNothingWritten(...inputs: string[]) {
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(folder).sort()).toEqual(
        inputs.map(input => path.basename(input)).sort(),
      );
    }

    it('a CSV file, with advice to save it as a workbook (3)', async () => {
      const csv = path.join(folder, 'inventory.csv');
      fs.writeFileSync(csv, 'System,Data element\nSIS,District student ID\n');

      const result = await importWorkbook(csv, 'dunmore', out);

      expect(result.code).toBe(3);
      expectMessage(
        result,
        `${csv} is not an Excel workbook; open it in Excel and save it as ` +
          'Excel Workbook (.xlsx)',
      );
      expectNothingWritten(csv);
    });

    it('a text file named .xlsx (3)', async () => {
      const fake = path.join(folder, 'inventory.xlsx');
      fs.writeFileSync(fake, 'System\tData element\nSIS\tGrade level\n');

      const result = await importWorkbook(fake, 'dunmore', out);

      expect(result.code).toBe(3);
      expectMessage(result, `${fake} is not an Excel workbook`);
      expectNothingWritten(fake);
    });

    it('a file that does not exist (3)', async () => {
      const missing = path.join(folder, 'no-such-inventory.xlsx');

      const result = await importWorkbook(missing, 'dunmore', out);

      expect(result.code).toBe(3);
      expectMessage(
        result,
        `${missing} does not exist; expected an Excel workbook (.xlsx)`,
      );
      expectNothingWritten();
    });

    it('a password-protected workbook, with how to remove the password (4)', async () => {
      const locked = writeEncryptedWorkbook(path.join(folder, 'locked.xlsx'));

      const result = await importWorkbook(locked, 'dunmore', out);

      expect(result.code).toBe(4);
      expectMessage(result, `${locked} is password-protected`);
      expect(result.stderr).toContain('remove the password');
      expectNothingWritten(locked);
    });

    it('an old .xls workbook (3)', async () => {
      const old = writeLegacyWorkbook(path.join(folder, 'inventory.xls'));

      const result = await importWorkbook(old, 'dunmore', out);

      expect(result.code).toBe(3);
      expectMessage(
        result,
        `${old} is an old-format Office file, such as an .xls workbook, ` +
          'not an .xlsx workbook; open it in Excel and save it as Excel ' +
          'Workbook (.xlsx)',
      );
      expectNothingWritten(old);
    });

    it('a workbook whose sheets have no header it recognises (5)', async () => {
      const workbook = await writeWorkbook(path.join(folder, 'odd.xlsx'), [
        {
          name: 'Inventory',
          rows: [
            ['Name', 'What', 'Where'],
            ['SIS', 'District student ID', 'stu_id'],
          ],
        },
        { name: 'Empty', rows: [] },
      ]);

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(5);
      expectMessage(
        result,
        `no sheet of ${workbook} has a header row with Source system (or ` +
          'Source ID) and Data element (or Element ID) columns',
      );
      expect(result.stderr).toContain('\n  Inventory: ');
      expect(result.stderr).toContain('\n  Empty: ');
      expectNothingWritten(workbook);
    });

    it('a row with no source name, naming its sheet and row (6)', async () => {
      const workbook = await inventory(folder, [
        row('SIS', 'Grade level', 'grade'),
        row(null, 'District student ID', 'stu_id'),
      ]);

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(6);
      expectMessage(
        result,
        `1 problem in ${workbook} keep rows from becoming entities; nothing ` +
          'was written',
      );
      expect(result.stdout).toBe(
        'Inventory!3: no source name; expected the Source system (or Source ' +
          'ID) column filled in\n',
      );
      expectNothingWritten(workbook);
    });

    it('owner and steward names the catalog does not know, with suggestions (7)', async () => {
      const workbook = await inventory(folder, [
        row('SIS', 'Grade level', 'grade', 'Dunmore Technology Servces'),
        row(
          'SIS',
          'District student ID',
          'stu_id',
          'dunmore-it',
          'Omar Haskel',
        ),
        row('Bus Planner', 'School of enrollment', 'school', 'Facilities Crew'),
        row('Bus Planner', 'Grade level', 'grade', 'Facilities Crew'),
      ]);

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(7);
      expectMessage(
        result,
        `3 owner or steward names match no group or user in ${DEMO_CATALOG}`,
      );
      expect(result.stdout.trimEnd().split('\n')).toEqual([
        'Owner "Dunmore Technology Servces" in Inventory!2 matches no group ' +
          'or user of the catalog; did you mean Dunmore Technology Services ' +
          '(group:dunmore-it)?',
        'Steward "Omar Haskel" in Inventory!3 matches no group or user of ' +
          'the catalog; did you mean Omar Haskell (user:omar-haskell)?',
        'Owner "Facilities Crew" in Inventory!4, Inventory!5 matches no ' +
          'group or user of the catalog',
      ]);
      // An owner was given, if misspelt: it is not reported as missing.
      expect(result.stderr).not.toContain('no Owner given');
      expectNothingWritten(workbook);
    });

    it('more rows than --max-rows allows (8)', async () => {
      const workbook = await inventory(folder, [
        row('SIS', 'Grade level', 'grade'),
        row('SIS', 'District student ID', 'stu_id'),
        row('SIS', 'School of enrollment', 'school'),
      ]);

      const result = await importWorkbook(
        workbook,
        'dunmore',
        out,
        '--max-rows',
        '2',
      );

      expect(result.code).toBe(8);
      expectMessage(
        result,
        'the workbook has more than 2 data rows (the limit was passed at ' +
          'Inventory!4)',
      );
      expectNothingWritten(workbook);
    });

    it('a district the catalog does not have, naming those it has (2)', async () => {
      const workbook = await inventory(folder, [
        row('SIS', 'Grade level', 'grade'),
      ]);

      const result = await importWorkbook(workbook, 'atlantis', out);

      expect(result.code).toBe(2);
      expectMessage(
        result,
        `no district "atlantis" in ${DEMO_CATALOG}; expected the name of a ` +
          'group of type district, one of: alder-creek, birch-harbor, ' +
          'cedar-point, dunmore, elmwood-falls',
      );
      expectNothingWritten(workbook);
    });

    it('exits with the code in the shell when run as a program', async () => {
      const csv = path.join(folder, 'inventory.csv');
      fs.writeFileSync(csv, 'System,Data element\nSIS,District student ID\n');

      const result = spawnSync(
        process.execPath,
        [
          BIN,
          'import',
          csv,
          '--district',
          'dunmore',
          '--catalog',
          DEMO_CATALOG,
          '--out',
          out,
        ],
        { encoding: 'utf8' },
      );

      expect(result.status).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `data-catalog: ${csv} is not an Excel workbook; open it in Excel and ` +
          'save it as Excel Workbook (.xlsx)\n',
      );
      expectNothingWritten(csv);
    });
  });

  it('imports a workbook of 50,000 rows', async () => {
    const folder = temporaryFolder();
    const elements = loadDemoCatalog()
      .filter(entity => entity.kind === 'DataElement')
      .map(entity => entity.metadata.name)
      .slice(0, 50);
    expect(elements).toHaveLength(50);
    const workbook = await writeLargeWorkbook(
      path.join(folder, 'large.xlsx'),
      'Inventory',
      [
        'Source system',
        'Element ID',
        'Field name',
        'Data category',
        'Collection frequency',
        'Access method',
        'Linkable by student ID',
        'Privacy class',
        'Grades',
      ],
      50_000,
      i => [
        `System ${Math.floor(i / 50) + 1}`,
        elements[i % 50],
        `field_${i % 50}`,
        'Administrative',
        'Daily',
        'Export',
        'Yes',
        'PII',
        'K-12',
      ],
    );
    const out = path.join(folder, 'out');

    const { code, stdout } = await importWorkbook(workbook, 'dunmore', out);

    expect(code).toBe(0);
    expect(stdout).toContain(
      'Wrote 1000 sources (1000 new, 0 merged) and 0 proposed elements for ' +
        'review; 0 rows skipped.',
    );
    const files = fs.readdirSync(out);
    expect(files).toHaveLength(1000);
    expect(files).toContain('system-1000.yaml');
    const [last] = readEntities(out).filter(
      ({ file }) => file === 'system-1000.yaml',
    );
    const provides = (last.entity.spec as { provides: unknown[] }).provides;
    expect(last.entity.metadata.name).toBe('dunmore-system-1000');
    expect(provides).toHaveLength(50);
    expect(provides[49]).toEqual({
      element: `dataelement:${elements[49]}`,
      field: 'field_49',
    });
  }, 240_000);

  describe('when the output cannot be written', () => {
    async function smallWorkbook(folder: string) {
      return writeWorkbook(path.join(folder, 'inventory.xlsx'), [
        {
          name: 'Inventory',
          rows: [
            [
              'Source system',
              'Data element',
              'Field name',
              'Data category',
              'Collection frequency',
              'Access method',
              'Linkable by student ID',
              'Privacy class',
            ],
            [
              'SIS',
              'Bus route',
              'bus',
              'Administrative',
              'Daily',
              'Export',
              'Yes',
              'PII',
            ],
          ],
        },
      ]);
    }

    it("exits 9 when --out's parent is a file, and leaves nothing beside it", async () => {
      const folder = temporaryFolder();
      const workbook = await smallWorkbook(folder);
      const parent = path.join(folder, 'not-a-folder');
      fs.writeFileSync(parent, 'keep me\n');
      const out = path.join(parent, 'dunmore');

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(9);
      expectMessage(result, `could not write ${out}: `);
      expect(result.stderr).toContain('; nothing was changed\n');
      expect(fs.readdirSync(folder).sort()).toEqual([
        'inventory.xlsx',
        'not-a-folder',
      ]);
      expect(fs.readFileSync(parent, 'utf8')).toBe('keep me\n');
    });

    it('exits 9 when --out is a file, and removes its staging folder', async () => {
      const folder = temporaryFolder();
      const workbook = await smallWorkbook(folder);
      const out = path.join(folder, 'dunmore');
      fs.writeFileSync(out, 'keep me\n');

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(9);
      expectMessage(result, `could not write ${out}: `);
      expect(fs.readdirSync(folder).sort()).toEqual([
        'dunmore',
        'inventory.xlsx',
      ]);
      expect(fs.readFileSync(out, 'utf8')).toBe('keep me\n');
    });

    it('exits 9 when a file fails half way, and leaves the folder as it was', async () => {
      const folder = temporaryFolder();
      const workbook = await smallWorkbook(folder);
      const out = path.join(folder, 'dunmore');
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'README.md'), '# Our sources\n');
      // The proposed element's folder is taken by a file, so the source is
      // written into the staging folder and then the element fails.
      fs.writeFileSync(path.join(out, 'proposed-elements'), 'in the way\n');
      const before = snapshot(out);

      const result = await importWorkbook(workbook, 'dunmore', out);

      expect(result.code).toBe(9);
      expectMessage(result, `could not write ${out}: `);
      expect(snapshot(out)).toEqual(before);
      expect(fs.readdirSync(folder).sort()).toEqual([
        'dunmore',
        'inventory.xlsx',
      ]);
    });
  });
});
