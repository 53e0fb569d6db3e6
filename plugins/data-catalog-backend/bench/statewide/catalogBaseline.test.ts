import {
  CatalogEntity,
  catalogLineage,
  decideByPresence,
  FetchEntities,
} from './catalogBaseline';

describe('decideByPresence', () => {
  it('answers available only when every required element is provided', () => {
    const provided = new Set([
      'dataelement:default/student-identifier',
      'dataelement:default/days-absent',
    ]);

    const results = decideByPresence(
      [
        {
          ref: 'indicator:default/chronic-absence',
          requires: [
            'dataelement:default/student-identifier',
            'dataelement:default/days-absent',
          ],
        },
        {
          ref: 'indicator:default/device-access',
          requires: [
            'dataelement:default/student-identifier',
            'dataelement:default/home-internet-access',
            'dataelement:default/device-assigned',
            'dataelement:default/device-assigned',
          ],
        },
      ],
      provided,
    );

    expect(results).toEqual([
      {
        indicator: 'indicator:default/chronic-absence',
        status: 'available',
        missing: [],
      },
      {
        indicator: 'indicator:default/device-access',
        status: 'missing',
        // Each missing element once, sorted.
        missing: [
          'dataelement:default/device-assigned',
          'dataelement:default/home-internet-access',
        ],
      },
    ]);
  });
});

// A SIS feeding a platform; both provide the student identifier, which
// two indicators require.
const catalog: Record<string, CatalogEntity> = {
  'datasource:default/sis': {
    kind: 'DataSource',
    metadata: { name: 'sis' },
    relations: [
      { type: 'feeds', targetRef: 'datasource:default/platform' },
      { type: 'providesElement', targetRef: 'dataelement:default/id' },
      { type: 'ownedBy', targetRef: 'group:default/team' },
    ],
  },
  'datasource:default/platform': {
    kind: 'DataSource',
    metadata: { name: 'platform' },
    relations: [
      { type: 'fedBy', targetRef: 'datasource:default/sis' },
      { type: 'providesElement', targetRef: 'dataelement:default/id' },
    ],
  },
  'dataelement:default/id': {
    kind: 'DataElement',
    metadata: { name: 'id' },
    relations: [
      { type: 'elementProvidedBy', targetRef: 'datasource:default/sis' },
      { type: 'elementProvidedBy', targetRef: 'datasource:default/platform' },
      { type: 'elementRequiredBy', targetRef: 'indicator:default/a' },
      { type: 'elementRequiredBy', targetRef: 'indicator:default/b' },
    ],
  },
  'indicator:default/a': {
    kind: 'Indicator',
    metadata: { name: 'a' },
    relations: [
      { type: 'requiresElement', targetRef: 'dataelement:default/id' },
    ],
  },
  'indicator:default/b': {
    kind: 'Indicator',
    metadata: { name: 'b' },
    relations: [
      { type: 'requiresElement', targetRef: 'dataelement:default/id' },
    ],
  },
};

function recordingFetch() {
  const calls: string[][] = [];
  const fetchEntities: FetchEntities = async refs => {
    calls.push(refs);
    return refs.map(ref => catalog[ref]);
  };
  return { calls, fetchEntities };
}

describe('catalogLineage', () => {
  it('walks downstream along the data flow, one request per hop', async () => {
    const { calls, fetchEntities } = recordingFetch();

    const answer = await catalogLineage(
      fetchEntities,
      'datasource:default/sis',
      { direction: 'downstream', depth: 3, limit: 500 },
    );

    expect(Object.fromEntries(answer.nodes)).toEqual({
      'datasource:default/sis': 0,
      'datasource:default/platform': 1,
      'dataelement:default/id': 1,
      'indicator:default/a': 2,
      'indicator:default/b': 2,
    });
    // The owner is no lineage, and the platform's own provision leads to
    // an element already reached.
    expect(answer.truncated).toBe(0);
    // Three hops, then the indicators once more for their titles; each
    // entity fetched once.
    expect(calls).toEqual([
      ['datasource:default/sis'],
      ['datasource:default/platform', 'dataelement:default/id'],
      ['indicator:default/a', 'indicator:default/b'],
    ]);
  });

  it('walks upstream from an indicator and stops at the depth', async () => {
    const { fetchEntities } = recordingFetch();

    const answer = await catalogLineage(fetchEntities, 'indicator:default/a', {
      direction: 'upstream',
      depth: 2,
      limit: 500,
    });

    expect(Object.fromEntries(answer.nodes)).toEqual({
      'indicator:default/a': 0,
      'dataelement:default/id': 1,
      'datasource:default/sis': 2,
      'datasource:default/platform': 2,
    });
  });

  it('counts the nodes the limit leaves out', async () => {
    const { fetchEntities } = recordingFetch();

    const answer = await catalogLineage(
      fetchEntities,
      'dataelement:default/id',
      { direction: 'both', depth: 5, limit: 3 },
    );

    // Upstream first: the two sources fill the limit, so neither
    // indicator downstream is kept.
    expect([...answer.nodes.keys()]).toEqual([
      'dataelement:default/id',
      'datasource:default/sis',
      'datasource:default/platform',
    ]);
    expect(answer.truncated).toBe(2);
  });
});
