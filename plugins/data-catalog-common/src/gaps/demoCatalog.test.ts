import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
} from '../entities';
import { assessDistrict, summarizeGaps } from './assessDistrict';
import { toElementRecord, toIndicatorRecord, toSourceRecord } from './records';
import { DistrictCatalog, IndicatorAvailability } from './types';

const CATALOG_ROOT = path.resolve(__dirname, '../../../../catalog-info');

function loadTree(dir: string): Entity[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return loadTree(full);
    }
    if (!/\.ya?ml$/.test(entry.name)) {
      return [];
    }
    return parseAllDocuments(fs.readFileSync(full, 'utf8'))
      .map(doc => doc.toJS() as Entity | null)
      .filter((entity): entity is Entity => Boolean(entity));
  });
}

// The demo region is read as the command-line export would read it, and the
// rules' answers checked against what its YAML says of each district. The
// facts are worked out from the YAML, so that editing the demo data does not
// break these tests unless it breaks the rules' promises.
describe('the gap rules over the demo catalog', () => {
  const entities = loadTree(CATALOG_ROOT);
  const sources = entities.filter(isDataSourceEntity).map(toSourceRecord);
  const elements = entities.filter(isDataElementEntity).map(toElementRecord);
  const indicators = entities.filter(isIndicatorEntity).map(toIndicatorRecord);
  const districts = entities.filter(
    e => e.kind === 'Group' && e.spec?.type === 'district',
  );

  const catalogs = new Map<string, DistrictCatalog>(
    districts.map(d => {
      const ref = `group:default/${d.metadata.name}`;
      return [
        d.metadata.name,
        {
          district: ref,
          districtTitle: d.metadata.title,
          sources: sources.filter(s => s.district === ref),
          elements,
          corrections: [],
        },
      ];
    }),
  );
  const results = new Map<string, IndicatorAvailability[]>(
    [...catalogs].map(([name, catalog]) => [
      name,
      assessDistrict(indicators, catalog),
    ]),
  );
  const all = [...results.values()].flat();
  const judged = (list: IndicatorAvailability[]) =>
    list.flatMap(result =>
      result.elements.flatMap(element =>
        element.provisions.map(provision => ({ result, element, provision })),
      ),
    );
  const resultFor = (district: string, indicatorName: string) =>
    results
      .get(district)!
      .find(r => r.indicator === `indicator:default/${indicatorName}`)!;

  it('has the five districts and their indicators to work on', () => {
    expect([...results.keys()].sort()).toEqual([
      'alder-creek',
      'birch-harbor',
      'cedar-point',
      'dunmore',
      'elmwood-falls',
    ]);
    expect(indicators.length).toBeGreaterThan(20);
  });

  it('gives every district a result for every indicator, in order', () => {
    for (const [name, list] of results) {
      expect(list.map(r => r.indicator)).toEqual(indicators.map(i => i.ref));
      expect(list.every(r => r.district === `group:default/${name}`)).toBe(
        true,
      );
      const total = summarizeGaps(list).total;
      expect(Object.values(total).reduce((a, b) => a + b, 0)).toBe(
        indicators.length,
      );
    }
  });

  it('never calls an indicator available with an element short', () => {
    const available = all.filter(r => r.status === 'available');
    expect(available.length).toBeGreaterThan(0);
    for (const result of available) {
      expect(result.elements.filter(e => e.status !== 'available')).toEqual([]);
    }
  });

  it('calls an indicator missing only for a missing required element', () => {
    for (const result of all.filter(r => r.status === 'missing')) {
      const missing = result.elements.filter(
        e => e.role === 'required' && e.status === 'missing',
      );
      expect(missing.length).toBeGreaterThan(0);
      expect(result.reasons).toEqual(missing.map(e => e.reason));
    }
  });

  it('finds goal-setting conferences missing in Elmwood Falls, which holds none', () => {
    const conference = 'dataelement:default/goal-setting-conference-date';
    const held = catalogs
      .get('elmwood-falls')!
      .sources.some(s => s.provides.some(p => p.element === conference));
    expect(held).toBe(false);

    const result = resultFor(
      'elmwood-falls',
      'goal-setting-conferences-per-student',
    );
    const element = result.elements.find(e => e.element === conference)!;
    expect(result.status).toBe('missing');
    expect(result.reasons).toContain(
      `No ${catalogs.get('elmwood-falls')!.districtTitle} source provides ${
        element.elementTitle
      }`,
    );
  });

  it('gets nothing out of the DreamBox in Birch Harbor, which has no export', () => {
    const dreambox = catalogs
      .get('birch-harbor')!
      .sources.find(s => s.accessMethod === 'none')!;
    expect(dreambox).toBeDefined();

    const fromDreambox = judged(results.get('birch-harbor')!).filter(
      j => j.provision.source === dreambox.ref,
    );
    expect(fromDreambox.length).toBeGreaterThan(0);
    expect(
      fromDreambox.filter(
        j =>
          j.provision.status !== 'missing' ||
          !j.provision.problems.includes(
            `${dreambox.title} has no way to get data out`,
          ) ||
          j.result.status === 'available' ||
          (j.element.status !== 'missing' && j.element.chosen === dreambox.ref),
      ),
    ).toEqual([]);
  });

  it('counts no planned source as holding data, nor its future years', () => {
    const planned = sources.filter(s => s.lifecycle === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    const refs = new Set(planned.map(s => s.ref));
    const future = new Set(planned.flatMap(s => s.years));

    const provisions = judged(all).map(j => j.provision);
    expect(
      provisions.filter(p => refs.has(p.source) && p.status !== 'missing'),
    ).toEqual([]);
    expect(
      provisions.filter(p =>
        p.problems.some(problem =>
          [...future].some(year => problem === `has no data for ${year}`),
        ),
      ),
    ).toEqual([]);
  });

  it('warns of every source being retired that an answer draws on', () => {
    const deprecated = new Map(
      sources
        .filter(s => s.lifecycle === 'deprecated')
        .map(s => [s.ref, s.title]),
    );
    const fromDeprecated = judged(all)
      .map(j => j.provision)
      .filter(p => deprecated.has(p.source));
    expect(fromDeprecated.length).toBeGreaterThan(0);
    expect(
      fromDeprecated.filter(
        p =>
          !p.problems.includes(`${deprecated.get(p.source)} is being retired`),
      ),
    ).toEqual([]);
  });

  it("counts only a district's own sources", () => {
    const districtOf = new Map(sources.map(s => [s.ref, s.district]));
    expect(
      judged(all).filter(
        j => districtOf.get(j.provision.source) !== j.result.district,
      ),
    ).toEqual([]);
  });
});
