import { csvField, downloadCsv, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Chronic absenteeism rate')).toBe(
      'Chronic absenteeism rate',
    );
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('grades 3, 4')).toBe('"grades 3, 4"');
    expect(csvField('the "IEP" flag')).toBe('"the ""IEP"" flag"');
    expect(csvField('first\nsecond')).toBe('"first\nsecond"');
    expect(csvField('first\r\nsecond')).toBe('"first\r\nsecond"');
  });

  it('writes numbers and booleans, and leaves null and undefined empty', () => {
    expect(csvField(12)).toBe('12');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('joins fields with commas and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['district', 'status'],
        ['Gananda', 'Missing'],
      ]),
    ).toBe('district,status\r\nGananda,Missing\r\n');
  });

  it('keeps quoted line breaks inside one record', () => {
    const text = toCsv([['Sodus', 'No source provides it\nNo IEP flag']]);

    expect(text).toBe('Sodus,"No source provides it\nNo IEP flag"\r\n');
  });

  it('keeps empty cells so that columns stay aligned', () => {
    expect(toCsv([['a', '', undefined, 'd']])).toBe('a,,,d\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('downloadCsv', () => {
  const createObjectURL = jest.fn(() => 'blob:gaps');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('clicks a link to a CSV blob with the file name, then frees it', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });

    downloadCsv('gaps-gananda.csv', [['district'], ['Gananda, CSD']]);

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('gaps-gananda.csv');
    expect(clicked[0].href).toBe('blob:gaps');
    expect(clicked[0].isConnected).toBe(false);

    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFdistrict\r\n"Gananda, CSD"\r\n',
    );

    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:gaps');
    click.mockRestore();
  });
});
