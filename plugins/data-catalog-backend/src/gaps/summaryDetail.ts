import { IndicatorAvailability } from '@internal/plugin-data-catalog-common';

/**
 * The results with each element's provisions cut to the chosen one, and
 * a count of the others. At state scale a district's full answer is
 * about 3 MiB, most of it every source's provision of the identifiers
 * that all 200 indicators need; the gap view shows those only when a
 * reader opens an indicator, and asks for that indicator whole then.
 */
export function withChosenProvisionsOnly(
  results: IndicatorAvailability[],
): IndicatorAvailability[] {
  return results.map(result => ({
    ...result,
    elements: result.elements.map(element => {
      const chosen = element.provisions.filter(
        p => p.source === element.chosen,
      );
      return {
        ...element,
        provisions: chosen,
        otherProvisions: element.provisions.length - chosen.length,
      };
    }),
  }));
}
