import { Entity } from '@backstage/catalog-model';
import {
  DataSourceEntityV1alpha1,
  formatProblem,
  INDICATOR_STAGES,
  isDataElementEntity,
  isDataSourceEntity,
  isIndicatorEntity,
  validateCatalogSet,
} from '@internal/plugin-data-catalog-common';
import path from 'node:path';
import {
  DEMO_CATALOG_ROOT,
  loadCatalogFile,
  loadCatalogTree,
} from '@internal/plugin-data-catalog-common/testUtils';

// The demo region is what a newcomer first sees, and what later features are
// shown on; these tests keep it valid and keep the situations it exists to
// show.
describe('the demo catalog in catalog-info/', () => {
  const loaded = loadCatalogTree(path.join(DEMO_CATALOG_ROOT, 'catalog-info'));
  const entities = loaded.map(l => l.entity);
  const sources = entities.filter(isDataSourceEntity);
  const elements = entities.filter(isDataElementEntity);
  const indicators = entities.filter(isIndicatorEntity);
  const groups = entities.filter(e => e.kind === 'Group');
  const districts = groups.filter(g => g.spec?.type === 'district');

  const sourcesOf = (district: Entity) =>
    sources.filter(
      s =>
        s.spec.district.replace(/^group:(default\/)?/, '') ===
        district.metadata.name,
    );

  it('validates as a whole, with every reference resolved', () => {
    expect(validateCatalogSet(entities).map(formatProblem)).toEqual([]);
  });

  it('holds the BOCES and its five member districts', () => {
    const boces = groups.filter(g => g.spec?.type === 'boces');
    expect(boces).toHaveLength(1);
    expect(districts).toHaveLength(5);
    for (const district of districts) {
      expect(district.spec?.parent).toBe(boces[0].metadata.name);
    }
    expect(entities.filter(e => e.kind === 'User').length).toBeGreaterThan(10);
  });

  it('has 10 to 15 sources in each district', () => {
    const counts = districts.map(d => ({
      district: d.metadata.name,
      sources: sourcesOf(d).length,
    }));
    expect(counts.filter(c => c.sources < 10 || c.sources > 15)).toEqual([]);
  });

  it('has a shared vocabulary of 50 or more elements, mostly mapped', () => {
    expect(elements.length).toBeGreaterThanOrEqual(50);
    const mapped = elements.filter(e => e.spec.ceds || e.spec.edFi);
    expect(mapped.length / elements.length).toBeGreaterThan(0.6);
  });

  it('has subgroup elements for every subgroup New York reports', () => {
    const subgroups = elements
      .filter(e => e.spec.subgroup)
      .map(e => e.metadata.name);
    for (const needed of [
      /disabilit/,
      /english-learner|multilingual/,
      /economic/,
      /race|ethnicity/,
      /sex/,
      /homeless/,
      /foster/,
      /migrant/,
    ]) {
      expect(subgroups.some(name => needed.test(name))).toBe(true);
    }
  });

  it('has 25 or more indicators over every stage and construct', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(25);
    expect(new Set(indicators.map(i => i.spec.stage))).toEqual(
      new Set(INDICATOR_STAGES),
    );
    const constructs = new Set(indicators.map(i => i.spec.construct));
    for (const construct of [
      'learner-profiles',
      'personal-learning-paths',
      'competency-based-progression',
      'flexible-learning-environments',
    ]) {
      expect(constructs).toContain(construct);
    }
    for (const indicator of indicators) {
      expect(indicator.spec.disaggregateBy?.length).toBeGreaterThan(0);
    }
  });

  it('shows the situations the catalog exists to reveal', () => {
    const vendorsOf = (type: string) =>
      new Set(
        sources.filter(s => s.spec.type === type).map(s => s.spec.vendor),
      );
    expect(vendorsOf('sis').size).toBeGreaterThanOrEqual(3);
    expect(vendorsOf('assessment').size).toBeGreaterThanOrEqual(3);
    expect(vendorsOf('digital-platform').size).toBeGreaterThanOrEqual(3);

    // A digital platform a district cannot get data out of.
    expect(
      sources.some(
        s =>
          s.spec.type === 'digital-platform' && s.spec.access.method === 'none',
      ),
    ).toBe(true);

    // A survey that cannot be linked to students.
    expect(
      sources.some(
        s => s.spec.type === 'survey' && !s.spec.linkableByStudentId,
      ),
    ).toBe(true);

    // A source on its way out.
    expect(
      sources.some(s => ['deprecated', 'retired'].includes(s.spec.lifecycle)),
    ).toBe(true);

    // A regional warehouse fed by every district's SIS.
    const warehouse = sources.find(s => s.spec.type === 'warehouse');
    expect(warehouse).toBeDefined();
    const feeds = (warehouse as DataSourceEntityV1alpha1).spec.fedBy ?? [];
    for (const district of districts) {
      const sis = sourcesOf(district).filter(s => s.spec.type === 'sis');
      expect(sis.length).toBeGreaterThan(0);
      expect(
        feeds.some(f => sis.some(s => f.source.endsWith(s.metadata.name))),
      ).toBe(true);
    }

    // Lineage given element by element somewhere.
    expect(
      sources.some(s => s.spec.fedBy?.some(f => (f.elements ?? []).length > 0)),
    ).toBe(true);
  });

  it('is registered in full by the root catalog-info.yaml', () => {
    const root = loadCatalogFile(
      path.join(DEMO_CATALOG_ROOT, 'catalog-info.yaml'),
    );
    expect(root).toHaveLength(1);
    expect(root[0].entity.kind).toBe('Location');
    expect(root[0].entity.spec?.targets).toEqual(
      expect.arrayContaining(['./catalog-info/**/*.yaml']),
    );
  });
});
