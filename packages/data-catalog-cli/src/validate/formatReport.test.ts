import path from 'node:path';
import {
  formatContextWarning,
  formatProblemLine,
  formatSummary,
} from './formatReport';
import { ValidationReport } from './validateCatalog';

const cwd = path.resolve('/repo');

function report(overrides: Partial<ValidationReport>): ValidationReport {
  return {
    problems: [],
    files: 60,
    entities: 141,
    contextFiles: 0,
    contextEntities: 0,
    unreadableContext: [],
    ...overrides,
  };
}

const problem = {
  file: path.join(cwd, 'catalog-info/districts/alder-creek/sis.yaml'),
  line: 31,
  column: 16,
  entity: 'datasource:default/alder-creek-sis',
  field: 'spec.provides[2].element',
  message: '"x" refers to dataelement:default/x, which is not defined',
};

describe('formatProblemLine', () => {
  it('puts the place first, relative to the working folder', () => {
    expect(formatProblemLine(problem, cwd)).toBe(
      'catalog-info/districts/alder-creek/sis.yaml:31:16  ' +
        'datasource:default/alder-creek-sis  spec.provides[2].element: ' +
        '"x" refers to dataelement:default/x, which is not defined',
    );
  });

  it('reads a relative file name from the working folder', () => {
    expect(formatProblemLine({ ...problem, file: 'org/a.yaml' }, cwd)).toMatch(
      /^org\/a\.yaml:31:16 {2}datasource/,
    );
  });

  it('says where an entity defined twice was defined first', () => {
    const line = formatProblemLine(
      {
        ...problem,
        field: 'metadata.name',
        message: 'is defined more than once',
        firstDefinition: { file: 'shared/sis.yaml', line: 6, column: 9 },
      },
      cwd,
    );
    expect(line).toMatch(
      / metadata\.name: is defined more than once \(first defined at shared\/sis\.yaml:6:9\)$/,
    );
  });

  it('labels a file that is not YAML instead of naming an entity', () => {
    expect(
      formatProblemLine(
        { file: 'a.yaml', line: 3, column: 7, message: 'Unexpected ]' },
        cwd,
      ),
    ).toBe('a.yaml:3:7  yaml: Unexpected ]');
  });
});

describe('formatSummary', () => {
  it('counts problems, the files that have them, and what was read', () => {
    expect(
      formatSummary(
        report({
          problems: [problem, problem, { ...problem, file: 'b.yaml' }],
        }),
      ),
    ).toBe('3 problems in 2 files (141 entities read from 60 files)');
  });

  it('speaks of one problem and one file in the singular', () => {
    expect(
      formatSummary(report({ problems: [problem], files: 1, entities: 1 })),
    ).toBe('1 problem in 1 file (1 entity read from 1 file)');
  });

  it('says there are none, and how much was read', () => {
    expect(formatSummary(report({}))).toBe(
      'No problems: 141 entities in 60 files',
    );
  });

  it('counts the context apart from what was checked', () => {
    expect(
      formatSummary(
        report({
          files: 13,
          entities: 13,
          contextFiles: 25,
          contextEntities: 168,
        }),
      ),
    ).toBe(
      'No problems: 13 entities in 13 files, plus 168 entities of context from 25 files',
    );
  });
});

describe('formatContextWarning', () => {
  it('names the unreadable context file and what it breaks', () => {
    expect(
      formatContextWarning(
        { file: 'shared/x.yaml', line: 2, column: 1, message: 'Unexpected ]' },
        cwd,
      ),
    ).toBe(
      'warning: context file shared/x.yaml:2:1 is not readable YAML ' +
        '(Unexpected ]); references to its entities will not resolve',
    );
  });
});
