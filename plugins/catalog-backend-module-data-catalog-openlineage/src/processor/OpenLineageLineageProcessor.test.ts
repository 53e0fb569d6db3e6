import { LocationSpec } from '@backstage/plugin-catalog-node';
import { OPENLINEAGE_DATASETS_ANNOTATION } from '@internal/plugin-data-catalog-common';
import { dataSource } from '@internal/plugin-data-catalog-common/testUtils';
import { ObservedLineage } from '../lineage/ObservedLineage';
import { OpenLineageLineageProcessor } from './OpenLineageLineageProcessor';

const location: LocationSpec = { type: 'url', target: 'https://example.test' };

const warehouse = () => {
  const entity = dataSource('northlake-warehouse');
  entity.metadata.annotations = {
    [OPENLINEAGE_DATASETS_ANNOTATION]: 'warehouse://northlake/analytics.*',
  };
  return entity;
};

describe('OpenLineageLineageProcessor', () => {
  it('announces a source whose observed upstreams changed, once per change', async () => {
    let upstreams = ['datasource:default/alder-creek-sis'];
    const lineage = {
      upstreamOf: async () => upstreams,
    } as unknown as ObservedLineage;
    const announced: string[] = [];
    const processor = new OpenLineageLineageProcessor(lineage, {
      announce: ref => announced.push(ref),
    });
    const emit = jest.fn();

    await processor.postProcessEntity(warehouse(), location, emit);
    await processor.postProcessEntity(warehouse(), location, emit);
    upstreams = [...upstreams, 'datasource:default/birch-harbor-sis'];
    await processor.postProcessEntity(warehouse(), location, emit);
    await processor.postProcessEntity(
      dataSource('alder-creek-sis'),
      location,
      emit,
    );

    expect(announced).toEqual([
      'datasource:default/northlake-warehouse',
      'datasource:default/northlake-warehouse',
    ]);
    // Both directions of each feed, on every pass.
    expect(emit).toHaveBeenCalledTimes(2 + 2 + 4);
  });
});
