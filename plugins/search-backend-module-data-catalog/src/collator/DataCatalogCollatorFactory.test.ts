import { TestDatabases } from '@backstage/backend-test-utils';
import { DATA_CATALOG_SEARCH_TYPE } from '@internal/plugin-data-catalog-common';
import { startDataCatalog } from '../__testUtils__/startDataCatalog';
import { DataCatalogDocument } from '../documents';
import { DataCatalogCollatorFactory } from './DataCatalogCollatorFactory';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the data catalog collator, reading a real catalog on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startDataCatalog>>;
    let documents: DataCatalogDocument[];

    function byPath(path: string): DataCatalogDocument {
      const document = documents.find(d => d.location === path);
      if (!document) {
        throw new Error(
          `No document at ${path} among ${documents.map(d => d.location)}`,
        );
      }
      return document;
    }

    beforeAll(async () => {
      backend = await startDataCatalog({ databases, databaseId });
      await backend.waitForCatalog();

      // Two entities a page: every kind takes more than one request.
      const factory = new DataCatalogCollatorFactory({
        ...backend.services(),
        batchSize: 2,
      });
      documents = [];
      for await (const document of await factory.getCollator()) {
        documents.push(document);
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('indexes every source, element and indicator once, under its own type', async () => {
      const factory = new DataCatalogCollatorFactory({
        ...backend.services(),
        batchSize: 2,
      });
      expect(factory.type).toBe(DATA_CATALOG_SEARCH_TYPE);

      expect(documents.map(d => d.location).sort()).toEqual([
        '/catalog/default/dataelement/daily-attendance',
        '/catalog/default/dataelement/disability-status',
        '/catalog/default/dataelement/platform-minutes',
        '/catalog/default/datasource/fernwood-math-platform',
        '/catalog/default/datasource/fernwood-sis',
        '/catalog/default/datasource/larkspur-sis',
        '/catalog/default/indicator/chronic-absence-rate',
        '/catalog/default/indicator/weekly-platform-use',
      ]);
    });

    it('gives a source its facets and the elements it holds, by title, CEDS id and field', () => {
      const sis = byPath('/catalog/default/datasource/fernwood-sis');

      expect(sis).toMatchObject({
        title: 'Fernwood student information system',
        kind: 'DataSource',
        entityRef: 'datasource:default/fernwood-sis',
        summary:
          'Enrollment, attendance and programs for every Fernwood student.',
        district: 'group:default/fernwood',
        districtTitle: 'Fernwood Central School District',
        lifecycle: 'production',
        sourceType: 'sis',
        vendor: 'Brightfield Software',
        stage: '',
        construct: '',
      });
      expect(sis.text).toContain('Brightfield SIS');
      expect(sis.text).toContain(
        'Daily attendance status, CEDS 000076, Attendance Status (ATT_DAILY_CODE)',
      );
      // Written `disability-status` in the YAML, resolved all the same.
      expect(sis.text).toContain(
        'Student with a disability, CEDS 000074, Disability Status (SPED_FLAG)',
      );
    });

    it('leaves out of a source the elements it does not collect', () => {
      const platform = byPath(
        '/catalog/default/datasource/fernwood-math-platform',
      );

      expect(platform.text).toContain(
        'Minutes on a learning platform (time_on_task_min)',
      );
      expect(platform.text).not.toContain('attendance');
      expect(platform.text).not.toContain('000076');
      expect(platform.lifecycle).toBe('deprecated');
    });

    it('gives an indicator its stage and construct, and names its elements', () => {
      const absence = byPath('/catalog/default/indicator/chronic-absence-rate');

      expect(absence).toMatchObject({
        kind: 'Indicator',
        stage: 'outcomes',
        construct: 'engagement',
        district: '',
        summary: 'Share of students missing 10% or more of school days.',
      });
      expect(absence.text).toContain(
        'Requires Daily attendance status, CEDS 000076',
      );
      expect(absence.text).toContain('By Student with a disability');
    });

    it('gives an element its domain, CEDS id and Ed-Fi names', () => {
      const attendance = byPath(
        '/catalog/default/dataelement/daily-attendance',
      );

      expect(attendance).toMatchObject({
        kind: 'DataElement',
        domain: 'attendance',
        cedsId: '000076',
        summary: 'Whether the student was present for the school day.',
      });
      expect(attendance.text).toContain('CEDS 000076');
      expect(attendance.text).toContain('Ed-Fi studentSchoolAttendanceEvents');
      expect(attendance.text).toContain('AttendanceEventCategoryDescriptor');
      expect(attendance.text).toContain('Present Absent Tardy');
    });

    it('gives every document the same fields, whatever its kind', () => {
      const fields = documents.map(d => Object.keys(d).sort().join(','));

      expect(new Set(fields).size).toBe(1);
    });
  },
);
