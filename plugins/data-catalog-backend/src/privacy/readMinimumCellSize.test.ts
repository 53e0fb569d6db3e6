import { mockServices } from '@backstage/backend-test-utils';
import { readMinimumCellSize } from './readMinimumCellSize';

const configWith = (minimumCellSize: number | string) =>
  mockServices.rootConfig({
    data: { dataCatalog: { privacy: { minimumCellSize } } },
  });

describe('readMinimumCellSize', () => {
  it("is New York's 5 when nothing is configured", () => {
    expect(readMinimumCellSize(mockServices.rootConfig())).toBe(5);
    expect(
      readMinimumCellSize(
        mockServices.rootConfig({ data: { dataCatalog: {} } }),
      ),
    ).toBe(5);
  });

  it('reads a configured minimum', () => {
    expect(readMinimumCellSize(configWith(10))).toBe(10);
    expect(readMinimumCellSize(configWith(1))).toBe(1);
  });

  it('reads a number given as text, as an environment variable gives it', () => {
    expect(readMinimumCellSize(configWith('11'))).toBe(11);
  });

  it.each([0, -5, 4.5])('refuses %p, naming the key', value => {
    expect(() => readMinimumCellSize(configWith(value))).toThrow(
      `dataCatalog.privacy.minimumCellSize must be a whole number of students, 1 or more; got ${value}`,
    );
  });

  it('refuses a value that is no number', () => {
    expect(() => readMinimumCellSize(configWith('five'))).toThrow(
      /dataCatalog\.privacy\.minimumCellSize/,
    );
  });
});
