import { mockServices } from '@backstage/backend-test-utils';
import { dataSource } from '@internal/plugin-data-catalog-common/testUtils';
import { inMemoryLookup } from '../__testUtils__/inMemoryLookup';
import { DataCatalogEntitiesProcessor } from './DataCatalogEntitiesProcessor';
import { joinProblems, MAX_LISTED_PROBLEMS } from './joinProblems';

describe('joinProblems', () => {
  it('lists up to the limit', () => {
    const lines = Array.from(
      { length: MAX_LISTED_PROBLEMS },
      (_, i) => `p${i}`,
    );
    expect(joinProblems(lines)).toBe(lines.join('; '));
  });

  it('counts the rest', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `p${i}`);
    expect(joinProblems(lines)).toBe(
      `${lines.slice(0, 20).join('; ')}; and 9,980 more problems not listed`,
    );
    expect(joinProblems(lines.slice(0, 21))).toMatch(
      /; and 1 more problem not listed$/,
    );
  });

  it('keeps the message of a source with many dangling references short', async () => {
    const subject = new DataCatalogEntitiesProcessor({
      logger: mockServices.logger.mock(),
      lookup: inMemoryLookup([]),
    });
    const provides = Array.from({ length: 1000 }, (_, i) => ({
      element: `dataelement:e-${i}`,
      field: `F${i}`,
    }));
    const errors: string[] = [];
    await subject.postProcessEntity(
      dataSource('warehouse', { provides }),
      { type: 'file', target: '/x.yaml' },
      result => {
        if (result.type === 'error') errors.push(result.error.message);
      },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/; and 983 more problems not listed$/);
    expect(errors[0].length).toBeLessThan(5000);
  });
});
