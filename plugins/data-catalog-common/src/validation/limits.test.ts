import { dataSource, indicator } from '../testUtils';
import {
  limitProblems,
  MAX_ENTITY_BYTES,
  MAX_LISTED_ELEMENTS,
  utf8Length,
} from './limits';
import { formatProblem } from './problems';
import { validateDataCatalogEntity } from './validateEntity';

function provisions(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    element: `dataelement:element-${i}`,
    field: `FIELD_${i}`,
  }));
}

describe('limits', () => {
  it('accepts a source that provides as many elements as the limit', () => {
    const source = dataSource('warehouse', {
      provides: provisions(MAX_LISTED_ELEMENTS),
    });
    expect(validateDataCatalogEntity(source)).toEqual([]);
  });

  it('rejects 10,000 elements in one source with one problem', () => {
    const source = dataSource('warehouse', { provides: provisions(10_000) });
    expect(validateDataCatalogEntity(source).map(formatProblem)).toEqual([
      'datasource:default/warehouse spec.provides: has 10,000 elements; expected at most 1,000 in one source',
    ]);
  });

  it('limits the element lists of feeds and indicators too', () => {
    const many = provisions(1001).map(p => p.element);
    expect(
      limitProblems(
        dataSource('x', {
          fedBy: [{ source: 'y' }, { source: 'z', elements: many }],
        }),
      ),
    ).toEqual([
      {
        field: 'spec.fedBy[1].elements',
        message: 'has 1,001 elements; expected at most 1,000 in one feed',
      },
    ]);
    expect(limitProblems(indicator('x', { requires: many }))).toEqual([
      {
        field: 'spec.requires',
        message: 'has 1,001 elements; expected at most 1,000 in one indicator',
      },
    ]);
  });

  it('rejects an entity over 1 MiB, naming the field that makes it so', () => {
    const source = dataSource('alder-creek-sis', {
      product: 'x'.repeat(MAX_ENTITY_BYTES),
    });
    const total = utf8Length(JSON.stringify(source));
    expect(validateDataCatalogEntity(source).map(formatProblem)).toEqual([
      `datasource:default/alder-creek-sis spec.product: holds 1,048,578 of the entity's ${total.toLocaleString(
        'en-US',
      )} bytes; expected an entity of at most 1,048,576 bytes (1 MiB) as JSON`,
    ]);
  });

  it('accepts an entity of exactly 1 MiB, counting bytes as UTF-8', () => {
    const base = dataSource('alder-creek-sis', { product: '' });
    const room = MAX_ENTITY_BYTES - utf8Length(JSON.stringify(base));
    const fits = dataSource('alder-creek-sis', { product: 'x'.repeat(room) });
    expect(utf8Length(JSON.stringify(fits))).toBe(MAX_ENTITY_BYTES);
    expect(limitProblems(fits)).toEqual([]);

    // One character more in UTF-8, though not in JavaScript's count.
    const over = dataSource('alder-creek-sis', {
      product: `\u00e9${'x'.repeat(room - 1)}`,
    });
    expect(limitProblems(over)).toEqual([
      expect.objectContaining({ field: 'spec.product' }),
    ]);
  });

  it('rejects an entity that contains itself', () => {
    const spec: Record<string, unknown> = {};
    const source = dataSource('loop', { coverage: spec });
    spec.self = spec;
    expect(limitProblems(source)).toEqual([
      {
        field: 'spec.coverage',
        message:
          'contains itself through a YAML alias; expected an entity without recursive aliases',
      },
    ]);
  });

  it('counts UTF-8 bytes of every plane', () => {
    expect(utf8Length('a\u00e9\u20ac\u{1d41a}')).toBe(1 + 2 + 3 + 4);
  });
});
