import { parseBoolean } from './parseBoolean';

describe('parseBoolean', () => {
  it.each(['Yes', 'yes', 'Y', 'y', 'TRUE', 'true', '1', ' YES ', 'Yes.'])(
    'reads "%s" as yes',
    text => {
      expect(parseBoolean(text)).toEqual({ value: true });
    },
  );

  it.each(['No', 'no', 'N', 'n', 'FALSE', 'False', '0'])(
    'reads "%s" as no',
    text => {
      expect(parseBoolean(text)).toEqual({ value: false });
    },
  );

  it('reads Excel checkbox and TRUE/FALSE cells', () => {
    expect(parseBoolean(true)).toEqual({ value: true });
    expect(parseBoolean(false)).toEqual({ value: false });
  });

  it('reads 1 and 0 typed as numbers', () => {
    expect(parseBoolean(1)).toEqual({ value: true });
    expect(parseBoolean(0)).toEqual({ value: false });
  });

  it.each([['N/A'], ['maybe'], ['Yes, via export'], [2], [new Date(0)]])(
    'expects Yes or No instead of %p',
    input => {
      expect(parseBoolean(input)).toEqual({ expected: 'Yes or No' });
    },
  );
});
