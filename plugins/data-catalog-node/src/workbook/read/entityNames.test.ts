import { bareName, isValidName, slugify, sourceNameFor } from './entityNames';

describe('slugify', () => {
  it.each([
    ['Lexia Core5 (K\u20135)', 'lexia-core5-k-5'],
    ['  MAP   Growth  ', 'map-growth'],
    ['Caf\u00e9 Syst\u00e8me', 'cafe-systeme'],
    ['Ed-Fi ODS / API', 'ed-fi-ods-api'],
  ])('turns "%s" into the entity name %s', (text, name) => {
    expect(slugify(text)).toBe(name);
  });

  it('cuts long names to 63 characters without a dash at the end', () => {
    const name = slugify(`${'a'.repeat(62)} b`);

    expect(name).toBe('a'.repeat(62));
    expect(isValidName(name)).toBe(true);
  });
});

describe('sourceNameFor', () => {
  it('prefixes the system with the district', () => {
    expect(sourceNameFor('alder-creek', 'MAP Growth')).toBe(
      'alder-creek-map-growth',
    );
  });

  it('does not prefix a system already named for the district', () => {
    expect(sourceNameFor('alder-creek', 'Alder Creek SIS')).toBe(
      'alder-creek-sis',
    );
  });

  it('prefixes a system whose name only starts like the district', () => {
    expect(sourceNameFor('alder-creek', 'Alder Creekside Portal')).toBe(
      'alder-creek-alder-creekside-portal',
    );
  });
});

describe('isValidName', () => {
  it.each(['alder-creek-sis', 'MAP_Growth.v2'])('accepts %s', name => {
    expect(isValidName(name)).toBe(true);
  });

  it.each(['Infinite Campus', '-sis', '', 'x'.repeat(64)])(
    'rejects "%s"',
    name => {
      expect(isValidName(name)).toBe(false);
    },
  );
});

describe('bareName', () => {
  it.each([
    ['dataelement:default/days-absent', 'days-absent'],
    ['dataelement:days-absent', 'days-absent'],
    ['default/days-absent', 'days-absent'],
    ['days-absent', 'days-absent'],
  ])('finds the name in %s', (ref, name) => {
    expect(bareName(ref)).toBe(name);
  });
});
