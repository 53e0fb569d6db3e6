import fs from 'node:fs';
import path from 'node:path';
import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
} from '@internal/plugin-data-catalog-common';
import { loadDemoCatalog } from '@internal/plugin-data-catalog-common/testUtils';
import { workbookBuffer } from '../write';
import { buildImport } from './buildImport';
import { readWorkbook } from './readWorkbook';
import {
  removeTemporaryFolders,
  temporaryFolder,
} from './__testUtils__/buildWorkbook';

jest.setTimeout(60_000);

afterAll(removeTemporaryFolders);

describe('a workbook the export wrote', () => {
  it("imports back to the district's sources as they were", async () => {
    const demo = loadDemoCatalog();
    const sources = demo.filter(
      e => e.kind === 'DataSource' && e.spec?.district === 'group:alder-creek',
    ) as DataSourceEntityV1alpha1[];
    const elements = demo.filter(
      e => e.kind === 'DataElement',
    ) as DataElementEntityV1alpha1[];
    const people = demo.filter(e => e.kind === 'Group' || e.kind === 'User');
    const file = path.join(temporaryFolder(), 'alder-creek.xlsx');
    fs.writeFileSync(
      file,
      await workbookBuffer(
        {
          title: 'Alder Creek',
          sources,
          elements,
          indicators: [],
          people,
          gaps: [],
          districtTitles: new Map(),
          actions: [],
        },
        new Date(Date.UTC(2024, 0, 1)),
      ),
    );

    const plan = buildImport(await readWorkbook(file), {
      district: 'alder-creek',
      defaultOwner: 'group:alder-creek-data-team',
      catalog: demo,
      existing: new Map(),
      workbookName: 'alder-creek.xlsx',
    });

    expect(plan.problems).toEqual([]);
    expect(plan.unknownPeople).toEqual([]);
    expect(plan.proposedElements).toEqual([]);
    expect(plan.notes).toEqual([
      'sheet Indicators skipped: written by the export for reading; not imported',
      'sheet Gaps skipped: written by the export for reading; not imported',
      'sheet Action plan skipped: written by the export for reading; not imported',
    ]);
    const byName = (a: { metadata: { name: string } }, b: typeof a) =>
      a.metadata.name.localeCompare(b.metadata.name, 'en-US');
    // The workbook carries no annotations (an OpenLineage claim, say):
    // imported into a new folder, a source has none; into the district's
    // own folder, the merge keeps those its YAML has.
    const withoutAnnotations = sources.map(source => {
      const { annotations: _annotations, ...metadata } = source.metadata;
      return { ...source, metadata };
    });
    expect(plan.sources.map(s => s.entity)).toEqual(
      withoutAnnotations.sort(byName),
    );
    expect(plan.sources.every(s => !s.merged)).toBe(true);
  });
});
