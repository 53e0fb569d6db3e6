import {
  DEFAULT_MINIMUM_CELL_SIZE,
  suppressStudentCount,
} from './minimumCellSize';

describe('suppressStudentCount', () => {
  it("keeps New York's minimum of 5 by default", () => {
    expect(DEFAULT_MINIMUM_CELL_SIZE).toBe(5);
    expect(suppressStudentCount(4)).toEqual({
      suppressed: true,
      text: 'fewer than 5',
    });
    expect(suppressStudentCount(5)).toEqual({
      suppressed: false,
      count: 5,
      text: '5',
    });
  });

  it.each([0, 1, 2, 3, 4])('suppresses %i, zero included', count => {
    const shown = suppressStudentCount(count);
    expect(shown.suppressed).toBe(true);
    // The suppressed count is not in the result, so it cannot leak.
    expect(Object.values(shown)).not.toContain(count);
  });

  it.each([5, 6, 10, 1250])('shows %i', count => {
    expect(suppressStudentCount(count)).toMatchObject({
      suppressed: false,
      count,
    });
  });

  it('applies a configured minimum', () => {
    expect(suppressStudentCount(9, 10)).toEqual({
      suppressed: true,
      text: 'fewer than 10',
    });
    expect(suppressStudentCount(10, 10).suppressed).toBe(false);
    expect(suppressStudentCount(1, 1).suppressed).toBe(false);
    expect(suppressStudentCount(0, 1).suppressed).toBe(true);
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a count of %p rather than show it',
    count => {
      expect(() => suppressStudentCount(count)).toThrow(RangeError);
    },
  );

  it.each([0, -5, 4.5, Number.NaN])('refuses a minimum of %p', minimum => {
    expect(() => suppressStudentCount(10, minimum)).toThrow(
      /minimum cell size must be a whole number 1 or more/,
    );
  });
});
