import { ACCESS_FREQUENCIES } from '@internal/plugin-data-catalog-common';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BIN,
  cli,
  DEMO_CATALOG as DEMO,
  REPO_ROOT,
} from '../__testUtils__/cli';

/** How many YAML files and entities a catalog folder holds, counted apart. */
function countCatalog(dir: string) {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(name => /\.ya?ml$/.test(name));
  const entities = files
    .map(name => fs.readFileSync(path.join(dir, name), 'utf8'))
    .reduce((sum, text) => sum + (text.match(/^kind: /gm)?.length ?? 0), 0);
  return { files: files.length, entities };
}

const temporaryFolders: string[] = [];

/** A copy of the demo catalog to break, as `<tmp>/catalog-info`. */
function copyDemo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-validate-'));
  temporaryFolders.push(root);
  fs.cpSync(DEMO, path.join(root, 'catalog-info'), { recursive: true });
  return path.join(root, 'catalog-info');
}

afterAll(() => {
  for (const folder of temporaryFolders) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** Replaces text that must occur exactly once, and returns the new file. */
function edit(file: string, from: string, to: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (text.split(from).length !== 2) {
    throw new Error(`expected ${JSON.stringify(from)} once in ${file}`);
  }
  const changed = text.replace(from, to);
  fs.writeFileSync(file, changed);
  return changed;
}

/**
 * `file:line:column` of `target` inside the first `anchor` of the text,
 * counted from the text itself, and the file relative to the working
 * folder as the tool prints it.
 */
function place(file: string, text: string, anchor: string, target = anchor) {
  const offset = text.indexOf(anchor) + anchor.indexOf(target);
  if (text.indexOf(anchor) < 0 || anchor.indexOf(target) < 0) {
    throw new Error(`${JSON.stringify(anchor)} is not in ${file}`);
  }
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `${path.relative(process.cwd(), file)}:${line}:${column}`;
}

const demo = countCatalog(DEMO);
const readAll = `${demo.entities} entities read from ${demo.files} files`;

describe('data-catalog validate', () => {
  it('passes the whole demo catalog', async () => {
    expect(await cli('validate', DEMO)).toEqual({
      code: 0,
      stdout: `No problems: ${demo.entities} entities in ${demo.files} files\n`,
      stderr: '',
    });
  });

  describe('in a copy of the demo catalog with one mistake', () => {
    let catalog: string;
    let exactPath: string;
    const source = 'datasource:default/elmwood-falls-exact-path';

    beforeEach(() => {
      catalog = copyDemo();
      exactPath = path.join(catalog, 'districts/elmwood-falls/exact-path.yaml');
    });

    it('points at a reference to an element that does not exist', async () => {
      const text = edit(
        exactPath,
        'element: dataelement:platform-minutes\n',
        'element: dataelement:platform-minutez\n',
      );

      expect(await cli('validate', catalog)).toEqual({
        code: 1,
        stdout:
          `${place(exactPath, text, 'dataelement:platform-minutez')}  ` +
          `${source}  spec.provides[2].element: "dataelement:platform-minutez" ` +
          'refers to dataelement:default/platform-minutez, which is not ' +
          'defined; expected an existing dataelement\n',
        stderr: `data-catalog: 1 problem in 1 file (${readAll})\n`,
      });
    });

    it('points at the second definition of a name, and at the first', async () => {
      const star = path.join(
        catalog,
        'districts/elmwood-falls/star-early-literacy.yaml',
      );
      const text = edit(
        star,
        'name: elmwood-falls-star-early-literacy',
        'name: elmwood-falls-exact-path',
      );
      const first = fs.readFileSync(exactPath, 'utf8');

      const result = await cli('validate', catalog);

      expect(result.code).toBe(1);
      expect(result.stdout).toBe(
        `${place(star, text, 'name: elmwood-falls-exact-path', 'elmwood')}  ` +
          `${source}  metadata.name: "elmwood-falls-exact-path" is defined ` +
          'more than once; expected one entity per kind, namespace and name ' +
          `(first defined at ${place(
            exactPath,
            first,
            'name: elmwood-falls-exact-path',
            'elmwood',
          )})\n`,
      );
    });

    it('points at a field name used twice in one source', async () => {
      const text = edit(exactPath, 'field: Enrolled', 'field: SIS ID');

      expect((await cli('validate', catalog)).stdout).toBe(
        `${place(
          exactPath,
          text,
          'platform-account-active\n      field: SIS ID',
          'SIS ID',
        )}  ${source}  spec.provides[1].field: "SIS ID" is already used by ` +
          'spec.provides[0]; expected field names unique within a source\n',
      );
    });

    it('points at a value outside its list of allowed values', async () => {
      const text = edit(
        exactPath,
        'frequency: weekly',
        'frequency: fortnightly',
      );

      expect((await cli('validate', catalog)).stdout).toBe(
        `${place(exactPath, text, 'fortnightly')}  ${source}  ` +
          `spec.access.frequency: must be one of ${ACCESS_FREQUENCIES.join(
            ', ',
          )}; got "fortnightly"\n`,
      );
    });

    it('points a missing required field at the mapping that lacks it', async () => {
      const text = edit(
        exactPath,
        '  owner: group:elmwood-falls-instruction\n',
        '',
      );

      const { code, stdout } = await cli('validate', catalog);

      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^${escape(
            `${place(exactPath, text, 'spec:\n  type:', 'type')}  ${source}  ` +
              'spec.owner: is required; expected ',
          )}`,
        ),
      );
    });

    it('reports a YAML syntax error and still checks the other files', async () => {
      const star = path.join(
        catalog,
        'districts/elmwood-falls/star-early-literacy.yaml',
      );
      const broken = edit(
        star,
        'vendor: Renaissance',
        'vendor: Renaissance: Learning',
      );
      const text = edit(exactPath, 'frequency: weekly', 'frequency: often');

      const { code, stdout, stderr } = await cli('validate', catalog);

      expect(code).toBe(1);
      // Sorted by file: exact-path.yaml comes before star-early-literacy.yaml.
      expect(stdout.split('\n')).toEqual([
        expect.stringMatching(
          `^${escape(place(exactPath, text, 'often'))}  ${source}  ` +
            'spec\\.access\\.frequency: must be one of ',
        ),
        `${place(star, broken, 'Renaissance: Learning')}  yaml: Nested ` +
          'mappings are not allowed in compact mappings',
        '',
      ]);
      // The broken file's one entity could not be read; all others were.
      expect(stderr).toBe(
        `data-catalog: 2 problems in 2 files (${demo.entities - 1} entities ` +
          `read from ${demo.files} files)\n`,
      );
    });
  });

  describe('a district folder with --with context', () => {
    const district = path.join(DEMO, 'districts/elmwood-falls');
    const checked = countCatalog(district);
    const regional = ['shared', 'org', 'boces'].map(dir =>
      path.join(DEMO, dir),
    );

    it('passes when the context holds what it refers to', async () => {
      const { code, stdout, stderr } = await cli(
        'validate',
        district,
        '--with',
        ...regional,
      );

      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(
        new RegExp(
          `^No problems: ${checked.entities} entities in ${checked.files} ` +
            'files, plus \\d+ entities of context from \\d+ files\\n$',
        ),
      );
    });

    it('reports what the given context does not resolve', async () => {
      // Shared vocabulary and org, but not the BOCES sources.
      const sis = path.join(district, 'sis.yaml');
      const text = fs.readFileSync(sis, 'utf8');

      const { code, stdout } = await cli(
        'validate',
        district,
        '--with',
        path.join(DEMO, 'shared'),
        path.join(DEMO, 'org'),
      );

      expect(code).toBe(1);
      expect(stdout).toBe(
        `${place(
          sis,
          text,
          'source: datasource:northlake-regents-scoring',
          'datasource:',
        )}  datasource:default/elmwood-falls-sis  spec.fedBy[1].source: ` +
          '"datasource:northlake-regents-scoring" refers to ' +
          'datasource:default/northlake-regents-scoring, which is not ' +
          'defined; expected an existing datasource\n',
      );
    });

    it('reports unresolved references without context', async () => {
      const survey = path.join(district, 'digital-access-survey.yaml');
      const text = fs.readFileSync(survey, 'utf8');
      const owner = /^ {2}owner: (.+)$/m.exec(text)![1];

      const { code, stdout, stderr } = await cli('validate', district);

      expect(code).toBe(1);
      // The first file in order, and its first reference: the owner.
      expect(stdout.split('\n')[0]).toBe(
        `${place(survey, text, `owner: ${owner}`, owner)}  ` +
          'datasource:default/elmwood-falls-digital-access-survey  ' +
          `spec.owner: "${owner}" refers to ${owner.replace(
            ':',
            ':default/',
          )}, which is not defined; expected an existing group or user`,
      );
      expect(stderr).toMatch(
        new RegExp(
          `^data-catalog: \\d+ problems in ${checked.files} files ` +
            `\\(${checked.entities} entities read from ${checked.files} files\\)\\n$`,
        ),
      );
    });

    it('keeps quiet about problems of the context itself', async () => {
      const catalog = copyDemo();
      edit(
        path.join(catalog, 'shared/elements/assessment.yaml'),
        'title: NYS grades 3-8 ELA scale score\nspec:\n',
        'title: NYS grades 3-8 ELA scale score\nspec:\n  colour: blue\n',
      );
      const context = ['shared', 'org', 'boces'].map(dir =>
        path.join(catalog, dir),
      );

      // Checked itself, the broken element is reported.
      expect((await cli('validate', ...context)).stdout).toMatch(
        /assessment\.yaml:\d+:\d+ {2}dataelement:default\/ela-state-scale-score {2}spec\.colour: is not a known field/,
      );

      const result = await cli(
        'validate',
        path.join(catalog, 'districts/elmwood-falls'),
        '--with',
        ...context,
      );

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^No problems: /);
    });

    it('reports a context entity redefined, on the checked file', async () => {
      const catalog = copyDemo();
      const star = path.join(
        catalog,
        'districts/elmwood-falls/star-early-literacy.yaml',
      );
      const text = edit(
        star,
        'name: elmwood-falls-star-early-literacy',
        'name: northlake-regents-scoring',
      );
      const boces = path.join(catalog, 'boces/regents-scoring.yaml');
      const first = fs.readFileSync(boces, 'utf8');

      const { code, stdout } = await cli(
        'validate',
        path.join(catalog, 'districts/elmwood-falls'),
        '--with',
        ...['shared', 'org', 'boces'].map(dir => path.join(catalog, dir)),
      );

      expect(code).toBe(1);
      expect(stdout).toBe(
        `${place(star, text, 'name: northlake', 'northlake')}  ` +
          'datasource:default/northlake-regents-scoring  metadata.name: ' +
          '"northlake-regents-scoring" is defined more than once; expected ' +
          'one entity per kind, namespace and name (first defined at ' +
          `${place(boces, first, 'name: northlake', 'northlake')})\n`,
      );
    });

    it('warns that a context file is not YAML', async () => {
      const catalog = copyDemo();
      const org = path.join(catalog, 'org/elmwood-falls.yaml');
      const text = edit(
        org,
        '  name: elmwood-falls\n',
        '  name: elmwood-falls: district\n',
      );

      const { code, stderr } = await cli(
        'validate',
        path.join(catalog, 'districts/elmwood-falls'),
        '--with',
        ...['shared', 'org', 'boces'].map(dir => path.join(catalog, dir)),
      );

      // The district group is gone, so every source's district is unresolved.
      expect(code).toBe(1);
      expect(stderr.split('\n')[0]).toBe(
        `data-catalog: warning: context file ${place(
          org,
          text,
          'elmwood-falls: district',
        )} is not readable YAML (Nested mappings are not allowed in compact ` +
          'mappings); references to its entities will not resolve',
      );
    });
  });

  it('fails without a stack trace for a path that does not exist', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-catalog-folder');

    expect(await cli('validate', missing)).toEqual({
      code: 10,
      stdout: '',
      stderr: `data-catalog: ${missing} does not exist; expected a catalog-info YAML file or a folder of them\n`,
    });
  });

  it('fails for a folder without YAML files, not passes', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'data-catalog-empty-'));
    temporaryFolders.push(empty);

    const { code, stderr } = await cli('validate', empty);

    expect(code).toBe(10);
    expect(stderr).toBe(
      `data-catalog: no YAML files in ${empty}; expected catalog-info YAML files\n`,
    );
  });

  it('exits with the real codes when run as a program', () => {
    const catalog = copyDemo();
    const text = edit(
      path.join(catalog, 'districts/elmwood-falls/exact-path.yaml'),
      'frequency: weekly',
      'frequency: fortnightly',
    );
    const at = text.split('\n').findIndex(l => l.includes('fortnightly'));
    const column = text.split('\n')[at].indexOf('fortnightly') + 1;

    const passed = spawnSync(
      process.execPath,
      [BIN, 'validate', 'catalog-info'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    const failed = spawnSync(
      process.execPath,
      [BIN, 'validate', 'catalog-info'],
      {
        cwd: path.dirname(catalog),
        encoding: 'utf8',
      },
    );

    expect(passed.stderr).toBe('');
    expect(passed.status).toBe(0);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(
      new RegExp(
        `^catalog-info/districts/elmwood-falls/exact-path\\.yaml:${
          at + 1
        }:${column}  datasource:default/elmwood-falls-exact-path  spec\\.access\\.frequency: must be one of [^\\n]*; got "fortnightly"\\n$`,
      ),
    );
    expect(failed.stderr).toBe(
      `data-catalog: 1 problem in 1 file (${readAll})\n`,
    );
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
