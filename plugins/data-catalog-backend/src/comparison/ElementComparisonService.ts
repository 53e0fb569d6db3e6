import { Holding, ReadModelStore } from '../database/ReadModelStore';

/** How one element stands across the region's districts. */
export interface ElementComparison {
  ref: string;
  title: string;
  domain: string;
  subgroup: boolean;
  cedsId?: string;
  /** Per district reference, the sources holding the element there. */
  districts: Record<string, Holding[]>;
  /** How many districts hold it in a source that is in use. */
  districtCount: number;
  /** The vendors it comes from, across the region. */
  vendors: string[];
  /**
   * True when more than one district holds it in use and every one has it
   * from the same named product: the data are alike and could be combined
   * or shared across the region.
   */
  alike: boolean;
}

/**
 * Compares the districts element by element: who has what, from which
 * source and vendor, with what coverage.
 */
export class ElementComparisonService {
  constructor(private readonly store: ReadModelStore) {}

  async compare(filter: { domain?: string; subgroup?: boolean } = {}) {
    const [elements, districts, holdings] = await Promise.all([
      this.store.listElements(),
      this.store.listDistricts(),
      this.store.listHoldings(),
    ]);
    const memberDistricts = districts.filter(d => d.type === 'district');
    const isMember = new Set(memberDistricts.map(d => d.ref));

    const byElement = new Map<string, Holding[]>();
    for (const holding of holdings) {
      if (!isMember.has(holding.district) || holding.lifecycle === 'retired') {
        continue;
      }
      const list = byElement.get(holding.element) ?? [];
      list.push(holding);
      byElement.set(holding.element, list);
    }

    const items: ElementComparison[] = elements
      .filter(e => filter.domain === undefined || e.domain === filter.domain)
      .filter(
        e => filter.subgroup === undefined || e.subgroup === filter.subgroup,
      )
      .map(element => {
        const held = byElement.get(element.ref) ?? [];
        const perDistrict: Record<string, Holding[]> = {};
        for (const holding of held) {
          (perDistrict[holding.district] ??= []).push(holding);
        }
        const inUse = held.filter(h => h.lifecycle !== 'planned');
        const products = new Set(
          inUse.map(h => `${h.vendor ?? ''}/${h.product ?? ''}`),
        );
        // Two districts' in-house systems name no product; they are not the
        // same system, however alike their blank vendor fields look.
        const named = inUse.every(h => h.product !== undefined);
        const districtCount = new Set(inUse.map(h => h.district)).size;
        return {
          ref: element.ref,
          title: element.title,
          domain: element.domain,
          subgroup: element.subgroup,
          cedsId: element.cedsId,
          districts: perDistrict,
          districtCount,
          vendors: [
            ...new Set(inUse.flatMap(h => (h.vendor ? [h.vendor] : []))),
          ].sort(),
          alike: districtCount > 1 && named && products.size === 1,
        };
      });

    return {
      districts: memberDistricts.map(d => ({ ref: d.ref, title: d.title })),
      items,
    };
  }
}
