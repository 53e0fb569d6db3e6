import { NotFoundError } from '@backstage/errors';
import {
  assessDistrict,
  AvailabilityCorrection,
  GapSummary,
  IndicatorAvailability,
  IndicatorRecord,
  IndicatorStatus,
  servesMemberDistricts,
  summarizeGaps,
} from '@internal/plugin-data-catalog-common';
import { ReadModelStore } from '../database/ReadModelStore';
import {
  DistrictRecord,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';
import { CorrectionProvider, DistrictCorrection } from './CorrectionProvider';

/** One district's gaps, as the district gap view shows them. */
export interface DistrictGaps {
  district: DistrictRecord;
  /** When the read model was last refreshed from the catalog. */
  refreshedAt?: string;
  summary: GapSummary;
  results: IndicatorAvailability[];
}

/** One indicator in every district. */
export interface IndicatorAcrossDistricts {
  indicator: StoredIndicator;
  refreshedAt?: string;
  results: IndicatorAvailability[];
}

/** The region as districts by indicators. */
export interface RegionMatrix {
  refreshedAt?: string;
  districts: Array<{ ref: string; title: string; summary: GapSummary }>;
  indicators: Array<{
    ref: string;
    title: string;
    stage: IndicatorRecord['stage'];
    construct: IndicatorRecord['construct'];
    counts: Record<IndicatorStatus, number>;
  }>;
  /** `statuses[d][i]` is district d's status for indicator i. */
  statuses: IndicatorStatus[][];
}

/** Districts assessed between two turns of the event loop. */
const YIELD_EVERY = 20;

interface Vocabulary {
  elements: StoredElement[];
  indicators: StoredIndicator[];
  districts: DistrictRecord[];
}

/**
 * Answers gap questions from the read model with the shared gap rules, and
 * keeps the answers until the read model or an owner's correction changes.
 */
export class GapService {
  private cacheKey?: string;
  private vocabulary?: Vocabulary;
  /**
   * Answers per district, each with the corrections it was computed with:
   * an owner's correction recomputes only the districts it touches.
   */
  private readonly byDistrict = new Map<
    string,
    { corrections: string; results: IndicatorAvailability[] }
  >();
  /**
   * The computation of every district under way, if any. At state scale it
   * takes seconds; requests that arrive meanwhile wait for it instead of
   * starting their own.
   */
  private everyDistrict?: Promise<unknown>;

  constructor(
    private readonly store: ReadModelStore,
    private readonly corrections: CorrectionProvider,
  ) {}

  async districtGaps(districtRef: string): Promise<DistrictGaps> {
    const { vocabulary, refreshedAt, corrections } = await this.current();
    const district = findDistrict(vocabulary, districtRef);

    const signature = this.signatureOf(district, corrections);
    let cached = this.byDistrict.get(district.ref);
    if (cached?.corrections !== signature) {
      const [own, regional] = await Promise.all([
        this.store.getSources({ district: district.ref }),
        district.parent
          ? this.store.getSources({ district: district.parent })
          : Promise.resolve([]),
      ]);
      cached = {
        corrections: signature,
        results: assess(district, own, regional, corrections, vocabulary),
      };
      this.byDistrict.set(district.ref, cached);
    }
    return {
      district,
      refreshedAt,
      summary: summarizeGaps(cached.results),
      results: cached.results,
    };
  }

  async indicatorAcrossDistricts(
    indicatorRef: string,
  ): Promise<IndicatorAcrossDistricts> {
    const { vocabulary, refreshedAt, corrections } = await this.current();
    const indicator = vocabulary.indicators.find(i => i.ref === indicatorRef);
    if (!indicator) {
      throw new NotFoundError(`No indicator ${indicatorRef} in the catalog`);
    }

    const all = await this.assessEveryDistrict(vocabulary, corrections);
    return {
      indicator,
      refreshedAt,
      results: all.map(
        ({ results }) => results.find(r => r.indicator === indicator.ref)!,
      ),
    };
  }

  async regionMatrix(): Promise<RegionMatrix> {
    const { vocabulary, refreshedAt, corrections } = await this.current();
    const all = await this.assessEveryDistrict(vocabulary, corrections);
    const indicators = vocabulary.indicators.map((indicator, i) => {
      const counts = emptyCounts();
      for (const { results } of all) {
        counts[results[i].status] += 1;
      }
      return {
        ref: indicator.ref,
        title: indicator.title,
        stage: indicator.stage,
        construct: indicator.construct,
        counts,
      };
    });

    return {
      refreshedAt,
      districts: all.map(({ district, results }) => ({
        ref: district.ref,
        title: district.title,
        summary: summarizeGaps(results),
      })),
      indicators,
      statuses: all.map(({ results }) => results.map(r => r.status)),
    };
  }

  /** Every district's gaps, as {@link GapService.districtGaps} gives one. */
  async allDistrictGaps(): Promise<DistrictGaps[]> {
    const { vocabulary, refreshedAt, corrections } = await this.current();
    const all = await this.assessEveryDistrict(vocabulary, corrections);
    return all.map(({ district, results }) => ({
      district,
      refreshedAt,
      summary: summarizeGaps(results),
      results,
    }));
  }

  /**
   * Computes every district's answers ahead of the requests that need
   * them, when the read model or a correction has changed; a scheduled
   * task calls it on each replica, so that a leader opening the regional
   * matrix rarely waits for the rules to run over the whole region.
   */
  async warm(): Promise<void> {
    const { vocabulary, corrections } = await this.current();
    await this.assessEveryDistrict(vocabulary, corrections);
  }

  /**
   * Every district's results, reading all sources in one pass if needed.
   * One computation runs at a time; a caller that finds one under way
   * waits for it, then computes only what is still stale.
   */
  private async assessEveryDistrict(
    vocabulary: Vocabulary,
    corrections: DistrictCorrection[],
  ) {
    while (this.everyDistrict) {
      await this.everyDistrict.catch(() => undefined);
    }
    const computation = this.computeEveryDistrict(vocabulary, corrections);
    this.everyDistrict = computation;
    try {
      return await computation;
    } finally {
      this.everyDistrict = undefined;
    }
  }

  private async computeEveryDistrict(
    vocabulary: Vocabulary,
    corrections: DistrictCorrection[],
  ) {
    const districts = vocabulary.districts.filter(d => d.type === 'district');
    const signatures = new Map(
      districts.map(d => [d.ref, this.signatureOf(d, corrections)]),
    );
    const stale = districts.filter(
      d => this.byDistrict.get(d.ref)?.corrections !== signatures.get(d.ref),
    );
    // Kept apart from the cache, which a refresh seen while this pass
    // yields may clear.
    const answers = new Map(
      districts.map(d => [d.ref, this.byDistrict.get(d.ref)?.results]),
    );

    if (stale.length > 0) {
      // Few stale districts (after an owner's correction) are read one by
      // one; many (after a refresh) in one pass over every source.
      const byOwner = new Map<string, StoredSource[]>();
      const sources =
        stale.length > 8
          ? await this.store.getSources()
          : (
              await Promise.all(
                [
                  ...new Set(
                    stale.flatMap(d =>
                      d.parent ? [d.ref, d.parent] : [d.ref],
                    ),
                  ),
                ].map(district => this.store.getSources({ district })),
              )
            ).flat();
      // Grouped once: filtering the whole list per district costs more
      // than the gap rules at state scale.
      for (const source of sources) {
        const list = byOwner.get(source.district) ?? [];
        list.push(source);
        byOwner.set(source.district, list);
      }
      for (const [i, district] of stale.entries()) {
        // The rules run synchronously; at state scale a pass takes
        // seconds, so other requests get their turn between districts.
        if (i > 0 && i % YIELD_EVERY === 0) {
          await new Promise(resolve => setImmediate(resolve));
        }
        const results = assess(
          district,
          byOwner.get(district.ref) ?? [],
          (district.parent && byOwner.get(district.parent)) || [],
          corrections,
          vocabulary,
        );
        answers.set(district.ref, results);
        this.byDistrict.set(district.ref, {
          corrections: signatures.get(district.ref)!,
          results,
        });
      }
    }
    return districts.map(district => ({
      district,
      results: answers.get(district.ref)!,
    }));
  }

  /**
   * What a district's answer depends on, as one string: the read model's
   * version and the corrections on its own sources and on its BOCES's. The
   * version is part of it so that a computation that started before a
   * refresh and ends after it cannot leave its answers in the cache.
   */
  private signatureOf(
    district: DistrictRecord,
    corrections: DistrictCorrection[],
  ): string {
    return `${this.cacheKey} ${JSON.stringify(
      corrections.filter(
        c => c.district === district.ref || c.district === district.parent,
      ),
    )}`;
  }

  /**
   * The vocabulary and the corrections; every cached answer is dropped when
   * the read model changed.
   */
  private async current(): Promise<{
    vocabulary: Vocabulary;
    refreshedAt?: string;
    corrections: DistrictCorrection[];
  }> {
    const [state, corrections] = await Promise.all([
      this.store.getState(),
      this.corrections.listCorrections(),
    ]);
    const key = state?.version ?? 'empty';

    if (key !== this.cacheKey || !this.vocabulary) {
      const [elements, indicators, districts] = await Promise.all([
        this.store.listElements(),
        this.store.listIndicators(),
        this.store.listDistricts(),
      ]);
      this.vocabulary = { elements, indicators, districts };
      this.byDistrict.clear();
      this.cacheKey = key;
    }
    return {
      vocabulary: this.vocabulary,
      refreshedAt: state?.refreshedAt,
      corrections,
    };
  }
}

function findDistrict(vocabulary: Vocabulary, ref: string): DistrictRecord {
  const district = vocabulary.districts.find(d => d.ref === ref);
  if (!district || district.type !== 'district') {
    throw new NotFoundError(`No district ${ref} in the catalog`);
  }
  return district;
}

function assess(
  district: DistrictRecord,
  own: StoredSource[],
  regional: StoredSource[],
  corrections: AvailabilityCorrection[],
  vocabulary: Vocabulary,
): IndicatorAvailability[] {
  const serving = regional.filter(servesMemberDistricts);
  const refs = new Set([...own, ...serving].map(s => s.ref));
  return assessDistrict(vocabulary.indicators, {
    district: district.ref,
    districtTitle: district.title,
    sources: own,
    regionalSources: serving,
    elements: vocabulary.elements,
    corrections: corrections.filter(c => refs.has(c.source)),
  });
}

function emptyCounts(): Record<IndicatorStatus, number> {
  return { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
}
