import { LANDING, ODS } from '../__testUtils__/events';
import { DatasetMatcher } from './DatasetMatcher';
import { parseDatasetPatterns } from './datasetPatterns';

const RDW = 'datasource:default/northlake-rdw';
const IXL = 'datasource:default/alder-creek-ixl';
const LEXIA = 'datasource:default/alder-creek-lexia';

function claim(sourceRef: string, annotation: string) {
  const { patterns, problems } = parseDatasetPatterns(annotation);
  expect(problems).toEqual([]);
  return { sourceRef, patterns };
}

describe('parseDatasetPatterns', () => {
  it('reads entries split by commas and lines', () => {
    expect(
      parseDatasetPatterns(`${ODS}/*,\n  ${LANDING}/ixl/usage.csv \n`),
    ).toEqual({
      patterns: [
        { kind: 'prefix', prefix: `${ODS}/` },
        { kind: 'exact', id: `${LANDING}/ixl/usage.csv` },
      ],
      problems: [],
    });
  });

  it.each([
    [ODS, `"${ODS}" is not a dataset identifier`],
    ['usage.csv', '"usage.csv" is not a dataset identifier'],
    [`${LANDING}/*/usage.csv`, 'has a * before its end'],
    ['*', '"*" would match every dataset'],
    [' , ', 'lists no dataset'],
  ])('names what is wrong with %j', (annotation, expected) => {
    const { problems } = parseDatasetPatterns(annotation);

    expect(problems).toEqual([expect.stringContaining(expected)]);
  });
});

describe('DatasetMatcher', () => {
  const matcher = new DatasetMatcher([
    claim(RDW, `${ODS}/*, ${LANDING}/*`),
    claim(IXL, `${LANDING}/ixl/alder-creek/*`),
    claim(LEXIA, `${LANDING}/lexia/alder-creek/usage.csv`),
  ]);

  it('matches a dataset to the source claiming its namespace', () => {
    expect(
      matcher.match({ namespace: ODS, name: 'EdFi_Ods.edfi.Student' }),
    ).toEqual({ status: 'matched', sourceRef: RDW });
  });

  it('prefers the longest prefix, then an exact identifier', () => {
    expect(
      matcher.match({ namespace: LANDING, name: 'ixl/alder-creek/a.csv' }),
    ).toEqual({ status: 'matched', sourceRef: IXL });
    expect(
      matcher.match({
        namespace: LANDING,
        name: 'lexia/alder-creek/usage.csv',
      }),
    ).toEqual({ status: 'matched', sourceRef: LEXIA });
  });

  it('tells a dataset nobody claims', () => {
    expect(
      matcher.match({ namespace: 'snowflake://district', name: 'raw.usage' }),
    ).toEqual({ status: 'unknown' });
  });

  it('compares names exactly, as OpenLineage producers write them', () => {
    expect(
      matcher.match({
        namespace: LANDING,
        name: 'lexia/alder-creek/USAGE.csv',
      }),
    ).toEqual({ status: 'matched', sourceRef: RDW });
  });

  it('calls a dataset claimed equally by two sources ambiguous', () => {
    const twice = new DatasetMatcher([
      claim(IXL, `${LANDING}/ixl/*`),
      claim(LEXIA, `${LANDING}/ixl/*`),
    ]);

    expect(twice.match({ namespace: LANDING, name: 'ixl/usage.csv' })).toEqual({
      status: 'ambiguous',
      sourceRefs: [IXL, LEXIA],
    });
  });
});
