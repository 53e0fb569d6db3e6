import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { cli, temporaryFolder } from '../__testUtils__/cli';
import { validateCatalog } from '../validate/validateCatalog';

const SMALL = [
  '--seed',
  '7',
  '--boces',
  '3',
  '--districts',
  '12',
  '--sources',
  '10-30',
  '--elements',
  '60',
  '--indicators',
  '40',
];

/** Every file under a folder, by its path inside it, with its bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(name => fs.statSync(path.join(dir, name)).isFile())
    .sort();
  return new Map(
    files.map(name => [name, fs.readFileSync(path.join(dir, name))]),
  );
}

function entitiesIn(file: string) {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS());
}

async function generate(...options: string[]) {
  const out = path.join(temporaryFolder('data-catalog-generate-'), 'region');
  const result = await cli('generate', '--out', out, ...options);
  return { out, ...result };
}

describe('data-catalog generate', () => {
  it('writes a region that the catalog validation accepts', async () => {
    const { out, code, stdout } = await generate(...SMALL);

    expect(code).toBe(0);
    expect(stdout).toContain('3 BOCES, 12 districts');
    const report = await validateCatalog([out]);
    expect(report.problems).toEqual([]);
    expect(report.entities).toBeGreaterThan(12 * 10);
    // The tool's own validate command agrees.
    await expect(cli('validate', out)).resolves.toMatchObject({ code: 0 });
  });

  it('writes the same bytes for the same seed, other bytes for another', async () => {
    const first = await generate(...SMALL);
    const second = await generate(...SMALL);
    const other = await generate(...SMALL.slice(2), '--seed', '8');

    const a = readTree(first.out);
    const b = readTree(second.out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) {
      expect(b.get(name)!.equals(bytes)).toBe(true);
    }
    expect(readTree(other.out).get('shared/indicators.yaml')).not.toEqual(
      a.get('shared/indicators.yaml'),
    );
  });

  it('lays out one file per district folder, the org, the vocabulary and a root Location listing them', async () => {
    const { out } = await generate(...SMALL);

    const written = [...readTree(out).keys()];
    const root = parse(
      fs.readFileSync(path.join(out, 'catalog-info.yaml'), 'utf8'),
    );
    expect(root.kind).toBe('Location');
    expect(root.spec.targets).toEqual(
      written.filter(f => f !== 'catalog-info.yaml').map(f => `./${f}`),
    );

    const districtFiles = written.filter(f => f.startsWith('districts/'));
    expect(districtFiles).toHaveLength(12);
    for (const file of districtFiles) {
      const district = file.split('/')[1];
      expect(file).toBe(`districts/${district}/catalog-info.yaml`);
      const sources = entitiesIn(path.join(out, file));
      expect(sources.length).toBeGreaterThanOrEqual(10);
      expect(sources.length).toBeLessThanOrEqual(30);
      for (const source of sources) {
        expect(source.kind).toBe('DataSource');
        expect(source.spec.district).toBe(`group:${district}`);
      }
    }

    const org = written
      .filter(f => f.startsWith('org/'))
      .flatMap(f => entitiesIn(path.join(out, f)));
    expect(org.filter(g => g.spec.type === 'boces')).toHaveLength(3);
    expect(org.filter(g => g.spec.type === 'district')).toHaveLength(12);
    expect(entitiesIn(path.join(out, 'shared/elements.yaml'))).toHaveLength(60);
    expect(entitiesIn(path.join(out, 'shared/indicators.yaml'))).toHaveLength(
      40,
    );
    // Each BOCES's regional warehouse sits in its own file.
    expect(written.filter(f => f.startsWith('boces/'))).toHaveLength(3);
  });

  it('gives every district the same number of sources when asked for one', async () => {
    const { out } = await generate(
      ...SMALL.slice(0, 6),
      '--sources',
      '4',
      '--elements',
      '30',
      '--indicators',
      '5',
    );

    const folders = fs.readdirSync(path.join(out, 'districts'));
    expect(folders).toHaveLength(12);
    for (const district of folders) {
      const file = path.join(out, 'districts', district, 'catalog-info.yaml');
      expect(entitiesIn(file)).toHaveLength(4);
    }
  });

  it.each([
    [['--sources', '30-10'], /--sources.*MIN-MAX.*"30-10"/],
    [['--sources', '1-5'], /--sources.*"1-5"/],
    [['--sources', 'ten'], /--sources.*"ten"/],
    [['--districts', '0'], /--districts.*at least 1.*"0"/],
    [['--elements', '5'], /--elements.*at least 20.*"5"/],
    [['--seed', '-3'], /--seed.*"-3"/],
    [['--boces', '2.5'], /--boces.*"2.5"/],
  ])(
    'refuses %j, naming the option and the value',
    async (options, message) => {
      const { out, code, stderr } = await generate(...options);

      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    },
  );

  it('refuses to mix a region into a folder that holds files', async () => {
    const out = temporaryFolder('data-catalog-generate-');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'keep me');

    const { code, stderr } = await cli('generate', '--out', out, ...SMALL);

    expect(code).toBe(2);
    expect(stderr).toContain(`${out} is not empty`);
    expect(fs.readdirSync(out)).toEqual(['notes.txt']);
  });

  it('needs --out', async () => {
    const { code, stderr } = await cli('generate', ...SMALL);

    expect(code).toBe(2);
    expect(stderr).toContain("required option '--out <dir>'");
  });
});
