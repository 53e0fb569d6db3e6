import { Entity } from '@backstage/catalog-model';
import { LineCounter, parseDocument } from 'yaml';
import { CatalogDocument } from '../catalog/readCatalogFiles';
import { locateProblem } from './locateProblem';

const lines = [
  '# A source with a comment first.',
  'apiVersion: datacatalog.k12.dev/v1alpha1',
  'kind: DataSource',
  'metadata:',
  '  name: alder-creek-sis',
  'spec:',
  '  type: sis',
  '  steward:',
  '  provides:',
  '    - element: dataelement:student-identifier',
  '      field: Student ID',
  '    - { element: grade-level, field: Grade }',
];

const lineCounter = new LineCounter();
const document = parseDocument(lines.join('\n'), { lineCounter });
const source: CatalogDocument = {
  file: 'source.yaml',
  entity: document.toJS() as Entity,
  document,
  lineCounter,
};

/** Where `text` starts on the line that has it, counted by hand. */
function at(text: string, line = lines.findIndex(l => l.includes(text)) + 1) {
  return { line, column: lines[line - 1].indexOf(text) + 1 };
}

describe('locateProblem', () => {
  it('points at the value of a field that is there', () => {
    expect(locateProblem(source, 'metadata.name')).toEqual(
      at('alder-creek-sis'),
    );
  });

  it('follows list indexes, in block and flow style', () => {
    expect(locateProblem(source, 'spec.provides[0].field')).toEqual(
      at('Student ID'),
    );
    expect(locateProblem(source, 'spec.provides[1].field')).toEqual(
      at('Grade }'),
    );
  });

  it('points a missing field at the mapping that lacks it', () => {
    expect(locateProblem(source, 'spec.owner')).toEqual(at('type: sis'));
    expect(locateProblem(source, 'spec.provides[1].note')).toEqual(
      at('{ element'),
    );
  });

  it('points a field written without a value at its key', () => {
    expect(locateProblem(source, 'spec.steward')).toEqual(at('steward:'));
  });

  it('points past the end of a list at the list', () => {
    expect(locateProblem(source, 'spec.provides[7].element')).toEqual(
      at('- element'),
    );
  });

  it('points a field under a missing parent at the entity', () => {
    // The document's content starts after the comment, at apiVersion.
    expect(locateProblem(source, 'status.items[0]')).toEqual(at('apiVersion'));
    expect(locateProblem(source, '')).toEqual(at('apiVersion'));
  });
});
