import { assessIndicator } from './assessIndicator';
import {
  ATTENDANCE,
  district,
  held,
  ID,
  indicator,
  MINUTES,
  sis,
  source,
} from './__testUtils__/fixtures';
import { SourceRecord } from './types';

const BOCES = 'group:default/northlake-boces';
const PK_12 = ['PK', 'K', '1', '2', '3', '4', '5'] as SourceRecord['grades'];

const minutes = indicator({
  ref: 'indicator:default/platform-minutes',
  title: 'Platform minutes',
  requires: [ID, MINUTES],
  disaggregateBy: [],
});

describe('rules beyond a district’s own sources', () => {
  it('leaves pre-kindergarten out unless the indicator lists it', () => {
    // The SIS serves PK-5; the platform K-5.
    const platform = source('alder-creek-ixl', 'Alder Creek IXL', [
      held(MINUTES),
    ]);
    const catalog = district([
      sis({
        grades: PK_12,
        provides: [held(ID, { grades: PK_12 }), held(ATTENDANCE)],
      }),
      platform,
    ]);

    expect(assessIndicator(minutes, catalog).status).toBe('available');

    const withPk = assessIndicator({ ...minutes, grades: PK_12 }, catalog);
    expect(withPk.status).toBe('partial');
    expect(withPk.reasons[0]).toContain('covers grades K-5 of PK-5');
  });

  it('counts a regional source that serves member districts', () => {
    const regional = source(
      'northlake-ixl',
      'Northlake regional IXL licence',
      [held(MINUTES)],
      { district: BOCES },
    );
    const result = assessIndicator(
      minutes,
      district([sis()], { regionalSources: [regional] }),
    );

    expect(result.status).toBe('available');
    expect(result.elements[1].chosen).toBe('datasource:default/northlake-ixl');
  });

  it('names the system of record before a copy of equal standing', () => {
    const extract = source(
      'alder-creek-level0',
      'Alder Creek Level 0 extract',
      [held(ID), held(ATTENDANCE)],
      { type: 'state-reporting' },
    );
    // "Alder Creek Level 0" sorts before "Alder Creek SIS" by title.
    const result = assessIndicator(
      indicator({ disaggregateBy: [] }),
      district([extract, sis()]),
    );

    expect(result.elements.map(e => e.chosen)).toEqual([
      'datasource:default/alder-creek-sis',
      'datasource:default/alder-creek-sis',
    ]);
  });
});
