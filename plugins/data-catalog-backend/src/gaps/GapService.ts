import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, toError } from '@backstage/errors';
import {
  assessDistrict,
  AvailabilityCorrection,
  GAP_RULES_REVISION,
  GapSummary,
  IndicatorAvailability,
  IndicatorRecord,
  IndicatorStatus,
  servesMemberDistricts,
  summarizeGaps,
} from '@internal/plugin-data-catalog-common';
import { createHash } from 'node:crypto';
import { GapStatusStore } from '../database/GapStatusStore';
import { ReadModelStore } from '../database/ReadModelStore';
import {
  DistrictRecord,
  StoredElement,
  StoredIndicator,
  StoredSource,
} from '../readModel/types';
import { CorrectionProvider, DistrictCorrection } from './CorrectionProvider';
import { RecentCache } from './RecentCache';
import { decodeStatuses, encodeStatuses } from './statusCodes';

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

/** A district's statuses for every indicator, with its counts. */
export interface DistrictStatuses {
  district: DistrictRecord;
  summary: GapSummary;
  /** Indicator reference to status. */
  statuses: Record<string, IndicatorStatus>;
}

export interface GapServiceOptions {
  /** Shares computed statuses between replicas and restarts. */
  statusStore?: GapStatusStore;
  /** How many districts' full answers are kept in memory. */
  recentDistricts?: number;
  logger?: LoggerService;
}

/** Districts assessed between two turns of the event loop. */
const YIELD_EVERY = 10;

/** Full answers kept, at about half a megabyte each at state scale. */
const DEFAULT_RECENT_DISTRICTS = 50;

/** Answers for one indicator in every district, kept for so many. */
const RECENT_INDICATORS = 8;

interface Vocabulary {
  /** The read model version this was read at. */
  version: string;
  refreshedAt?: string;
  /** Hash of the elements and indicators. */
  digest: string;
  elements: StoredElement[];
  indicators: StoredIndicator[];
  districts: DistrictRecord[];
  /** Per district or BOCES, a hash of its record and sources. */
  digests: Map<string, string>;
}

interface Current {
  vocabulary: Vocabulary;
  corrections: DistrictCorrection[];
}

/**
 * Answers gap questions from the read model with the shared gap rules.
 *
 * At state scale a district's full answer is about half a megabyte, so
 * only recent districts' answers are kept whole; every district's
 * statuses are kept compact, which is all the regional matrix needs.
 * Each is stored under a signature of what it was computed from (the
 * vocabulary, the district's and its BOCES's sources, the corrections on
 * them), so a refresh or a correction recomputes only the districts it
 * touched, and statuses written to the database by one replica serve the
 * others.
 */
export class GapService {
  private vocabulary?: Vocabulary;
  private readonly statuses = new Map<
    string,
    { signature: string; codes: Uint8Array }
  >();
  private readonly recent: RecentCache<
    string,
    { signature: string; results: IndicatorAvailability[] }
  >;
  private readonly byIndicator = new RecentCache<
    string,
    { signature: string; results: IndicatorAvailability[] }
  >(RECENT_INDICATORS);
  /**
   * The pass over every district under way, if any. Requests that arrive
   * meanwhile wait for it instead of starting their own.
   */
  private everyDistrict?: Promise<unknown>;
  private readonly statusStore?: GapStatusStore;
  private readonly logger?: LoggerService;

  constructor(
    private readonly store: ReadModelStore,
    private readonly corrections: CorrectionProvider,
    options: GapServiceOptions = {},
  ) {
    this.statusStore = options.statusStore;
    this.logger = options.logger;
    this.recent = new RecentCache(
      options.recentDistricts ?? DEFAULT_RECENT_DISTRICTS,
    );
  }

  async districtGaps(districtRef: string): Promise<DistrictGaps> {
    const current = await this.current();
    const { vocabulary } = current;
    const district = findDistrict(vocabulary, districtRef);

    const signature = this.signatureOf(district, current);
    let cached = this.recent.get(district.ref);
    if (cached?.signature !== signature) {
      const sources = await this.store.getSources({
        districts: district.parent
          ? [district.ref, district.parent]
          : [district.ref],
      });
      const results = assess(district, sources, vocabulary.indicators, current);
      cached = { signature, results };
      if (await this.stillCurrent(vocabulary)) {
        this.recent.set(district.ref, cached);
        this.statuses.set(district.ref, {
          signature,
          codes: encodeStatuses(results),
        });
      }
    }
    return {
      district,
      refreshedAt: vocabulary.refreshedAt,
      summary: summarizeGaps(cached.results),
      results: cached.results,
    };
  }

  async indicatorAcrossDistricts(
    indicatorRef: string,
  ): Promise<IndicatorAcrossDistricts> {
    const current = await this.current();
    const { vocabulary } = current;
    const indicator = vocabulary.indicators.find(i => i.ref === indicatorRef);
    if (!indicator) {
      throw new NotFoundError(`No indicator ${indicatorRef} in the catalog`);
    }

    const districts = memberDistricts(vocabulary);
    const signature = hash(
      `${indicator.ref} ${districts
        .map(d => this.signatureOf(d, current))
        .join(' ')}`,
    );
    let cached = this.byIndicator.get(indicator.ref);
    if (cached?.signature !== signature) {
      const results = new Map<string, IndicatorAvailability>();
      // Districts answered whole lately give their result as it is; the
      // others are assessed for this one indicator only.
      const missing = districts.filter(district => {
        const whole = this.recent.peek(district.ref);
        const result =
          whole?.signature === this.signatureOf(district, current)
            ? whole.results.find(r => r.indicator === indicator.ref)
            : undefined;
        if (result) {
          results.set(district.ref, result);
        }
        return !result;
      });
      await this.forEachWithSources(missing, (district, sources) => {
        const [result] = assess(district, sources, [indicator], current);
        results.set(district.ref, result);
      });
      cached = {
        signature,
        results: districts.map(d => results.get(d.ref)!),
      };
      if (await this.stillCurrent(vocabulary)) {
        this.byIndicator.set(indicator.ref, cached);
      }
    }
    return {
      indicator,
      refreshedAt: vocabulary.refreshedAt,
      results: cached.results,
    };
  }

  async regionMatrix(): Promise<RegionMatrix> {
    const { vocabulary, rows } = await this.everyDistrictCodes();
    const { indicators } = vocabulary;
    const statuses = rows.map(({ codes }) => decodeStatuses(codes));

    return {
      refreshedAt: vocabulary.refreshedAt,
      districts: rows.map(({ district, codes }) => ({
        ref: district.ref,
        title: district.title,
        summary: summarizeCodes(indicators, codes),
      })),
      indicators: indicators.map((indicator, i) => {
        const counts = emptyCounts();
        for (const row of statuses) {
          counts[row[i]] += 1;
        }
        return {
          ref: indicator.ref,
          title: indicator.title,
          stage: indicator.stage,
          construct: indicator.construct,
          counts,
        };
      }),
      statuses,
    };
  }

  /** Every district's statuses and counts, without the reasons. */
  async everyDistrictStatuses(): Promise<DistrictStatuses[]> {
    const { vocabulary, rows } = await this.everyDistrictCodes();
    const { indicators } = vocabulary;
    return rows.map(({ district, codes }) => {
      const statuses = decodeStatuses(codes);
      return {
        district,
        summary: summarizeCodes(indicators, codes),
        statuses: Object.fromEntries(
          indicators.map((indicator, i) => [indicator.ref, statuses[i]]),
        ),
      };
    });
  }

  /**
   * Every district's full answer, for exports. Districts are answered one
   * at a time through the same cache as {@link GapService.districtGaps},
   * which keeps only the recent ones.
   */
  async allDistrictGaps(): Promise<DistrictGaps[]> {
    const { vocabulary } = await this.current();
    const answers: DistrictGaps[] = [];
    for (const district of memberDistricts(vocabulary)) {
      answers.push(await this.districtGaps(district.ref));
    }
    return answers;
  }

  /**
   * Brings every district's statuses up to date ahead of the requests
   * that need them; a scheduled task calls it on each replica, so that a
   * leader opening the regional matrix rarely waits for the rules.
   */
  async warm(): Promise<void> {
    await this.everyDistrictCodes();
  }

  /**
   * Every district's status codes, computing only those whose signature
   * changed. One pass runs at a time; a caller that finds one under way
   * waits for it, then does only what is still stale.
   */
  private async everyDistrictCodes(): Promise<{
    vocabulary: Vocabulary;
    rows: Array<{ district: DistrictRecord; codes: Uint8Array }>;
  }> {
    while (this.everyDistrict) {
      await this.everyDistrict.catch(() => undefined);
    }
    const pass = this.updateEveryDistrict();
    this.everyDistrict = pass;
    try {
      return await pass;
    } finally {
      this.everyDistrict = undefined;
    }
  }

  private async updateEveryDistrict() {
    const current = await this.current();
    const { vocabulary } = current;
    const districts = memberDistricts(vocabulary);
    const signatures = new Map(
      districts.map(d => [d.ref, this.signatureOf(d, current)]),
    );
    // Kept apart from the cache, which a refresh seen while this pass
    // yields may make stale.
    const codes = new Map<string, Uint8Array>();
    const isFresh = (ref: string) => {
      const known = this.statuses.get(ref);
      if (known && known.signature === signatures.get(ref)) {
        codes.set(ref, known.codes);
        return true;
      }
      return false;
    };

    let stale = districts.filter(d => !isFresh(d.ref));
    if (stale.length > 0 && this.statusStore) {
      const stored = await this.readStored(stale, vocabulary);
      for (const [ref, row] of stored) {
        if (row.signature === signatures.get(ref)) {
          this.statuses.set(ref, row);
        }
      }
      stale = stale.filter(d => !isFresh(d.ref));
    }

    const computed: Array<{ district: string; signature: string }> = [];
    await this.forEachWithSources(stale, (district, sources) => {
      const results = assess(district, sources, vocabulary.indicators, current);
      codes.set(district.ref, encodeStatuses(results));
      computed.push({
        district: district.ref,
        signature: signatures.get(district.ref)!,
      });
    });
    if (computed.length > 0 && (await this.stillCurrent(vocabulary))) {
      for (const { district, signature } of computed) {
        this.statuses.set(district, { signature, codes: codes.get(district)! });
      }
      await this.writeStored(computed, vocabulary);
    }

    return {
      vocabulary,
      rows: districts.map(district => ({
        district,
        codes: codes.get(district.ref)!,
      })),
    };
  }

  /**
   * Reads the sources of the given districts BOCES by BOCES, so that a
   * pass over the whole state holds one BOCES's sources at a time, and
   * calls `assessOne` for each district with its own and its BOCES's.
   */
  private async forEachWithSources(
    districts: DistrictRecord[],
    assessOne: (district: DistrictRecord, sources: StoredSource[]) => void,
  ): Promise<void> {
    const byParent = groupBy(districts, district => district.parent ?? '');

    let assessed = 0;
    for (const [parent, members] of byParent) {
      const sources = await this.store.getSources({
        districts: [...members.map(d => d.ref), ...(parent ? [parent] : [])],
      });
      const byDistrict = groupBy(sources, source => source.district);
      const regional = byDistrict.get(parent) ?? [];
      for (const district of members) {
        // The rules run synchronously; other requests get their turn
        // between districts.
        if (assessed > 0 && assessed % YIELD_EVERY === 0) {
          await new Promise(resolve => setImmediate(resolve));
        }
        assessOne(district, [
          ...(byDistrict.get(district.ref) ?? []),
          ...regional,
        ]);
        assessed += 1;
      }
    }
  }

  private async readStored(
    districts: DistrictRecord[],
    vocabulary: Vocabulary,
  ): Promise<Map<string, { signature: string; codes: Uint8Array }>> {
    const found = new Map<string, { signature: string; codes: Uint8Array }>();
    try {
      const rows = await this.statusStore!.read(districts.map(d => d.ref));
      for (const [ref, row] of rows) {
        const statuses = vocabulary.indicators.map(i => row.statuses[i.ref]);
        // A row from before an indicator was added has no status for it.
        if (statuses.every(Boolean)) {
          found.set(ref, {
            signature: row.signature,
            codes: encodeStatuses(statuses.map(status => ({ status }))),
          });
        }
      }
    } catch (error) {
      // The stored statuses only save time: without them, compute.
      this.logger?.warn('Could not read stored gap statuses', toError(error));
    }
    return found;
  }

  private async writeStored(
    computed: Array<{ district: string; signature: string }>,
    vocabulary: Vocabulary,
  ): Promise<void> {
    try {
      await this.statusStore?.write(
        computed.map(({ district, signature }) => {
          const statuses = decodeStatuses(this.statuses.get(district)!.codes);
          return {
            district,
            signature,
            statuses: Object.fromEntries(
              vocabulary.indicators.map((i, n) => [i.ref, statuses[n]]),
            ),
          };
        }),
      );
    } catch (error) {
      this.logger?.warn('Could not store gap statuses', toError(error));
    }
  }

  /**
   * What a district's answer depends on, as one hash: the rules, the
   * vocabulary, the district's and its BOCES's records and sources, and
   * the corrections on them.
   */
  private signatureOf(district: DistrictRecord, current: Current): string {
    const { vocabulary, corrections } = current;
    const relevant = corrections.filter(
      c => c.district === district.ref || c.district === district.parent,
    );
    return hash(
      JSON.stringify([
        GAP_RULES_REVISION,
        vocabulary.digest,
        vocabulary.digests.get(district.ref),
        district.parent ? vocabulary.digests.get(district.parent) : null,
        relevant,
      ]),
    );
  }

  /**
   * Whether the read model is still the one `vocabulary` was read from:
   * answers computed across a refresh are returned but not kept, since
   * their sources may be newer than their signature says.
   */
  private async stillCurrent(vocabulary: Vocabulary): Promise<boolean> {
    const state = await this.store.getState();
    return (state?.version ?? 'empty') === vocabulary.version;
  }

  /** The vocabulary, read again only when the read model changed. */
  private async current(): Promise<Current> {
    const [state, corrections] = await Promise.all([
      this.store.getState(),
      this.corrections.listCorrections(),
    ]);
    const version = state?.version ?? 'empty';

    if (version !== this.vocabulary?.version) {
      const [elements, indicators, districts, digests] = await Promise.all([
        this.store.listElements(),
        this.store.listIndicators(),
        this.store.listDistricts(),
        this.store.digests(),
      ]);
      // A model written before digests were kept has none until the
      // catalog next changes; its version stands in for them meanwhile.
      const fallback = `version ${version}`;
      this.vocabulary = {
        version,
        digest: digests.vocabulary ?? fallback,
        elements,
        indicators,
        districts,
        digests: new Map(
          districts.map(d => [
            d.ref,
            digests.districts?.get(d.ref) ?? fallback,
          ]),
        ),
      };
    }
    this.vocabulary.refreshedAt = state?.refreshedAt;
    return { vocabulary: this.vocabulary, corrections };
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) {
      list.push(item);
    } else {
      groups.set(key(item), [item]);
    }
  }
  return groups;
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function memberDistricts(vocabulary: Vocabulary): DistrictRecord[] {
  return vocabulary.districts.filter(d => d.type === 'district');
}

function findDistrict(vocabulary: Vocabulary, ref: string): DistrictRecord {
  const district = vocabulary.districts.find(d => d.ref === ref);
  if (!district || district.type !== 'district') {
    throw new NotFoundError(`No district ${ref} in the catalog`);
  }
  return district;
}

/**
 * Assesses `indicators` for a district from its own sources and those of
 * its BOCES (`sources` may hold both; the regional ones count only where
 * they serve member districts).
 */
function assess(
  district: DistrictRecord,
  sources: StoredSource[],
  indicators: StoredIndicator[],
  { vocabulary, corrections }: Current,
): IndicatorAvailability[] {
  const own = sources.filter(s => s.district === district.ref);
  const serving = sources.filter(
    s => s.district === district.parent && servesMemberDistricts(s),
  );
  const refs = new Set([...own, ...serving].map(s => s.ref));
  return assessDistrict(indicators, {
    district: district.ref,
    districtTitle: district.title,
    sources: own,
    regionalSources: serving,
    elements: vocabulary.elements,
    corrections: corrections.filter((c: AvailabilityCorrection) =>
      refs.has(c.source),
    ),
  });
}

function summarizeCodes(
  indicators: StoredIndicator[],
  codes: Uint8Array,
): GapSummary {
  const statuses = decodeStatuses(codes);
  return summarizeGaps(
    indicators.map((indicator, i) => ({
      status: statuses[i],
      stage: indicator.stage,
      construct: indicator.construct,
    })),
  );
}

function emptyCounts(): Record<IndicatorStatus, number> {
  return { available: 0, partial: 0, missing: 0, 'not-applicable': 0 };
}
