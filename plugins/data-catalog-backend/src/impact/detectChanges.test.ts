import { ALDER, district, el, source } from '../__testUtils__/readModel';
import { ReadModel, StoredSource } from '../readModel/types';
import { detectChanges } from './detectChanges';

/** A model of Alder Creek holding only the given sources. */
function model(...sources: StoredSource[]): ReadModel {
  return {
    districts: [district(ALDER)],
    sources,
    elements: [],
    indicators: [],
  };
}

const sis = (facts: Partial<StoredSource> = {}, provides = ['att', 'iep']) =>
  source('sis', ALDER, provides, facts);

/** What each change says, without the source record it carries. */
function changesBetween(before: StoredSource[], after: StoredSource[]) {
  return detectChanges(model(...before), model(...after)).map(
    ({ source: s, ...change }) => ({ source: s.ref, ...change }),
  );
}

describe('detectChanges', () => {
  it('finds nothing when nothing a downstream owner cares about changed', () => {
    expect(
      changesBetween(
        [sis()],
        [sis({ title: 'Renamed SIS', accessFrequency: 'weekly' })],
      ),
    ).toEqual([]);
  });

  it.each([
    ['production', 'deprecated'],
    ['production', 'retired'],
    ['deprecated', 'retired'],
    ['planned', 'retired'],
  ] as const)('reports a move from %s to %s', (from, to) => {
    expect(
      changesBetween([sis({ lifecycle: from })], [sis({ lifecycle: to })]),
    ).toEqual([
      {
        kind: 'lifecycle',
        source: 'datasource:default/sis',
        from,
        to,
        elements: [el('att'), el('iep')],
      },
    ]);
  });

  it.each([
    ['planned', 'production'],
    ['deprecated', 'production'],
  ] as const)('says nothing of a move from %s to %s', (from, to) => {
    expect(
      changesBetween([sis({ lifecycle: from })], [sis({ lifecycle: to })]),
    ).toEqual([]);
  });

  it('reports a new vendor with the old and the new name', () => {
    expect(
      changesBetween(
        [sis({ vendor: 'PowerSchool' })],
        [sis({ vendor: 'Infinite Campus' })],
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'vendor',
        from: 'PowerSchool',
        to: 'Infinite Campus',
      }),
    ]);
  });

  it('takes a vendor named for the first time, dropped, or respelled as a correction', () => {
    expect(
      changesBetween([sis({ vendor: undefined })], [sis({ vendor: 'Acme' })]),
    ).toEqual([]);
    expect(
      changesBetween([sis({ vendor: 'Acme' })], [sis({ vendor: undefined })]),
    ).toEqual([]);
    expect(
      changesBetween(
        [sis({ vendor: 'Power School' })],
        [sis({ vendor: ' power  school ' })],
      ),
    ).toEqual([]);
  });

  it('reports the elements a source no longer provides, and not new ones', () => {
    expect(
      changesBetween(
        [sis({}, ['att', 'iep', 'ell'])],
        [sis({}, ['iep', 'frl'])],
      ),
    ).toEqual([
      {
        kind: 'elements',
        source: 'datasource:default/sis',
        elements: [el('att'), el('ell')],
      },
    ]);
  });

  it('reports each change of one source when several come at once', () => {
    const kinds = changesBetween(
      [sis({ vendor: 'PowerSchool' }, ['att', 'iep'])],
      [sis({ vendor: 'Infinite Campus', lifecycle: 'retired' }, ['att'])],
    ).map(c => c.kind);
    expect(kinds).toEqual(['lifecycle', 'vendor', 'elements']);
  });

  it('says nothing of a new source, even a retired one', () => {
    expect(changesBetween([], [sis({ lifecycle: 'retired' })])).toEqual([]);
  });
});
