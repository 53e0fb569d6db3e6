import {
  ALDER,
  BIRCH,
  BOCES,
  CEDAR,
  district,
  el,
  ind,
  indicator,
  source,
} from '../__testUtils__/readModel';
import { ReadModel, StoredSource } from '../readModel/types';
import { SourceChange } from './detectChanges';
import { findDownstream } from './findDownstream';

const chronicAbsence = indicator('chronic-absence', ['att'], {
  disaggregateBy: [el('iep')],
});
const elaGrowth = indicator('ela-growth', ['ela']);
const courseCompletion = indicator('course-completion', ['course']);

function model(...sources: StoredSource[]): ReadModel {
  return {
    districts: [BOCES, ALDER, BIRCH, CEDAR].map(district),
    sources,
    elements: [],
    indicators: [chronicAbsence, elaGrowth, courseCompletion],
  };
}

/** The source retired, concerning every element it provides. */
function retired(s: StoredSource): SourceChange {
  return {
    kind: 'lifecycle',
    source: s,
    from: 'production',
    to: 'retired',
    elements: s.provides.map(p => p.element),
  };
}

/** Indicator in district, with the elements that reach it, sorted. */
function affected(change: SourceChange, m: ReadModel) {
  return findDownstream(change, m)
    .indicators.map(
      i => `${i.indicator.name}@${i.district}: ${i.elements.join(' ')}`,
    )
    .sort();
}

describe('findDownstream', () => {
  it("finds the indicators of the source's district that need its elements", () => {
    const sis = source('alder-sis', ALDER, ['att', 'iep']);
    const other = source('birch-sis', BIRCH, ['att']);

    expect(affected(retired(sis), model(sis, other))).toEqual([
      `chronic-absence@${ALDER}: ${el('att')} ${el('iep')}`,
    ]);
  });

  it('counts a subgroup element as needed', () => {
    const sis = source('alder-sis', ALDER, ['iep']);
    expect(affected(retired(sis), model(sis))).toEqual([
      `chronic-absence@${ALDER}: ${el('iep')}`,
    ]);
  });

  it('reaches only the elements of the change', () => {
    const sis = source('alder-sis', ALDER, ['att', 'ela']);
    const dropped: SourceChange = {
      kind: 'elements',
      source: sis,
      elements: [el('ela')],
    };
    expect(affected(dropped, model(sis))).toEqual([
      `ela-growth@${ALDER}: ${el('ela')}`,
    ]);
  });

  it("reaches every member district from a BOCES source that serves them, but not from the BOCES's copies", () => {
    const assessments = source('state-tests', BOCES, ['ela'], {
      type: 'assessment',
    });
    const warehouse = source('rdw', BOCES, ['ela'], { type: 'warehouse' });
    const m = model(assessments, warehouse);

    expect(affected(retired(assessments), m)).toEqual([
      `ela-growth@${ALDER}: ${el('ela')}`,
      `ela-growth@${BIRCH}: ${el('ela')}`,
      `ela-growth@${CEDAR}: ${el('ela')}`,
    ]);
    expect(affected(retired(warehouse), m)).toEqual([]);
  });

  it('follows feeds to the sources they fill, with the elements along them', () => {
    const platform = source('alder-lms', ALDER, ['course', 'att'], {
      type: 'lms',
    });
    // Birch's SIS takes only course records from the platform; Cedar's takes
    // whatever it sends, but holds no attendance of its own.
    const birchSis = source('birch-sis', BIRCH, ['course', 'att'], {
      fedBy: [{ upstream: platform.ref, elements: [el('course')] }],
    });
    const cedarSis = source('cedar-sis', CEDAR, ['course'], {
      fedBy: [{ upstream: platform.ref, elements: [] }],
    });

    expect(
      affected(retired(platform), model(platform, birchSis, cedarSis)),
    ).toEqual([
      `chronic-absence@${ALDER}: ${el('att')}`,
      `course-completion@${ALDER}: ${el('course')}`,
      `course-completion@${BIRCH}: ${el('course')}`,
      `course-completion@${CEDAR}: ${el('course')}`,
    ]);
  });

  it('stops at a retired source downstream and ends where feeds form a cycle', () => {
    const a = source('alder-sis', ALDER, ['att'], {
      fedBy: [{ upstream: 'datasource:default/birch-sis', elements: [] }],
    });
    const b = source('birch-sis', BIRCH, ['att'], {
      fedBy: [{ upstream: a.ref, elements: [] }],
    });
    const c = source('cedar-sis', CEDAR, ['att'], {
      lifecycle: 'retired',
      fedBy: [{ upstream: b.ref, elements: [] }],
    });

    const downstream = findDownstream(retired(a), model(a, b, c));
    expect([...downstream.districts.keys()].sort()).toEqual([ALDER, BIRCH]);
    expect(downstream.indicators.map(i => i.indicator.ref)).toEqual([
      ind('chronic-absence'),
      ind('chronic-absence'),
    ]);
  });
});
