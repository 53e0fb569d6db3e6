import { assessIndicator } from './assessIndicator';
import {
  ATTENDANCE,
  DISABILITY,
  district,
  ELL,
  held,
  ID,
  indicator,
  MINUTES,
  sis,
  source,
} from './__testUtils__/fixtures';
import { AvailabilityCorrection, ProvisionRecord, SourceRecord } from './types';

const IXL = 'datasource:default/alder-creek-ixl';

// The platform indicator: the SIS gives the identifier, a platform the
// minutes, and the result is broken down by disability.
const minutesIndicator = indicator({
  ref: 'indicator:default/weekly-platform-minutes',
  title: 'Average weekly minutes on adaptive platforms',
  stage: 'participation',
  construct: 'personal-learning-paths',
  requires: [ID, MINUTES],
  disaggregateBy: [DISABILITY],
});

function ixl(
  minutes: Partial<ProvisionRecord> = {},
  overrides: Partial<SourceRecord> = {},
): SourceRecord {
  return source(
    'alder-creek-ixl',
    'Alder Creek IXL',
    [held(MINUTES, minutes)],
    overrides,
  );
}

function minutesOf(
  sources: SourceRecord[],
  corrections: AvailabilityCorrection[] = [],
) {
  const result = assessIndicator(
    minutesIndicator,
    district(sources, { corrections }),
  );
  return {
    result,
    minutes: result.elements.find(e => e.element === MINUTES)!,
  };
}

const correction = (
  status: AvailabilityCorrection['status'],
  at: string,
  reason: string,
): AvailabilityCorrection => ({
  source: IXL,
  element: MINUTES,
  status,
  reason,
  by: 'user:default/ada-quill',
  at,
});

describe('assessIndicator', () => {
  describe('applicable grades', () => {
    it('counts only the SIS for the grades a district serves', () => {
      const middleSchoolPlatform = ixl(
        { grades: ['6', '7', '8'] },
        { grades: ['6', '7', '8'] },
      );
      expect(
        assessIndicator(
          indicator({ grades: ['6', '7', '8'] }),
          district([sis(), middleSchoolPlatform]),
        ),
      ).toEqual({
        indicator: 'indicator:default/average-attendance-rate',
        indicatorTitle: 'Average attendance rate',
        stage: 'outcomes',
        construct: 'engagement',
        district: 'group:default/alder-creek',
        status: 'not-applicable',
        reasons: [
          'Alder Creek Central School District serves none of grades 6-8',
        ],
        elements: [],
      });
    });

    it('names the district by its reference when it has no title', () => {
      const result = assessIndicator(
        indicator({ grades: ['9', '10', '11', '12'] }),
        district([sis()], { districtTitle: undefined }),
      );
      expect(result.reasons).toEqual([
        'alder-creek serves none of grades 9-12',
      ]);
    });

    it('does not call a district with no sources in use not applicable', () => {
      const result = assessIndicator(
        indicator({ grades: ['9', '10', '11', '12'] }),
        district([sis({ lifecycle: 'retired' })]),
      );
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'No Alder Creek Central School District source provides Student identifier',
        'No Alder Creek Central School District source provides Daily attendance status',
      ]);
    });

    it('takes the grades of every source when the district has no SIS', () => {
      const middleSchoolPlatform = ixl(
        { grades: ['6', '7', '8'] },
        { grades: ['6', '7', '8'] },
      );
      const result = assessIndicator(
        indicator({
          grades: ['6', '7', '8'],
          requires: [MINUTES],
          disaggregateBy: [],
        }),
        district([middleSchoolPlatform]),
      );
      expect(result.status).toBe('available');
      expect(result.reasons).toEqual([
        'All 1 required element and 0 subgroup elements are available',
      ]);
    });

    it('judges coverage on the grades both the indicator and district have', () => {
      const grades3to8 = indicator({
        grades: ['3', '4', '5', '6', '7', '8'],
      });
      expect(assessIndicator(grades3to8, district([sis()])).status).toBe(
        'available',
      );

      const attendanceFrom4 = sis({
        provides: [
          held(ID),
          held(ATTENDANCE, { grades: ['4', '5'] }),
          held(DISABILITY),
        ],
      });
      const result = assessIndicator(grades3to8, district([attendanceFrom4]));
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Daily attendance status: covers grades 4-5 of 3-5',
      ]);
    });

    it('takes every grade the district serves when the indicator names none', () => {
      const attendanceToGrade2 = sis({
        provides: [
          held(ID),
          held(ATTENDANCE, { grades: ['K', '1', '2'] }),
          held(DISABILITY),
        ],
      });
      const result = assessIndicator(
        indicator(),
        district([attendanceToGrade2]),
      );
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Daily attendance status: covers grades K-2 of K-5',
      ]);
    });

    it('finds an element missing when it covers none of the grades', () => {
      const attendanceToGrade2 = sis({
        provides: [
          held(ID),
          held(ATTENDANCE, { grades: ['K', '1', '2'] }),
          held(DISABILITY),
        ],
      });
      const result = assessIndicator(
        indicator({ grades: ['3', '4', '5', '6', '7', '8'] }),
        district([attendanceToGrade2]),
      );
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'Daily attendance status: covers none of grades 3-5',
      ]);
    });
  });

  describe('provisions', () => {
    it('ignores retired sources entirely', () => {
      const { result, minutes } = minutesOf([
        sis(),
        ixl({}, { lifecycle: 'retired', years: ['2030-31'] }),
      ]);
      expect(minutes).toEqual({
        element: MINUTES,
        elementTitle: 'Minutes on platform',
        role: 'required',
        status: 'missing',
        provisions: [],
        reason:
          'No Alder Creek Central School District source provides Minutes on platform',
      });
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([minutes.reason]);
    });

    it("ignores other districts' sources", () => {
      const { minutes } = minutesOf([
        sis(),
        ixl({}, { district: 'group:default/birch-harbor' }),
      ]);
      expect(minutes.provisions).toEqual([]);
      expect(minutes.reason).toBe(
        'No Alder Creek Central School District source provides Minutes on platform',
      );
    });

    it('finds nothing in a source with no way to get data out', () => {
      const { result, minutes } = minutesOf([
        sis(),
        ixl({}, { accessMethod: 'none' }),
      ]);
      expect(minutes.status).toBe('missing');
      expect(minutes.provisions[0].problems).toEqual([
        'Alder Creek IXL has no way to get data out',
      ]);
      expect(result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL has no way to get data out',
      ]);
    });

    it('finds nothing a source does not collect', () => {
      const { result } = minutesOf([
        sis(),
        ixl({ status: 'not-collected', note: 'Only sessions are logged.' }),
      ]);
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL does not collect it; Only sessions are logged',
      ]);
    });

    it('finds nothing a source holds in an unusable form', () => {
      const { result } = minutesOf([sis(), ixl({ status: 'unusable' })]);
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL holds it in an unusable form',
      ]);
    });

    it('finds part of what a source holds only in part', () => {
      const { result } = minutesOf([
        sis(),
        ixl({ status: 'partial', note: 'Summer use is not counted' }),
      ]);
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL holds it only in part; Summer use is not counted',
      ]);
    });

    it("lets an owner's correction override the YAML", () => {
      const idle = correction(
        'partial',
        '2025-03-04T15:20:00Z',
        'The export drops idle time',
      );
      const { result, minutes } = minutesOf([sis(), ixl()], [idle]);
      expect(minutes.provisions[0]).toMatchObject({
        status: 'partial',
        correction: idle,
        problems: [
          'corrected by user:default/ada-quill on 2025-03-04: The export drops idle time',
        ],
      });
      expect(result.reasons).toEqual([
        'Minutes on platform: corrected by user:default/ada-quill on 2025-03-04: The export drops idle time',
      ]);
    });

    it('takes the latest correction, in place of the YAML status', () => {
      const { minutes } = minutesOf(
        [sis(), ixl({ status: 'partial', note: 'Summer use is not counted' })],
        [
          correction('unusable', '2025-05-01T08:00:00Z', 'Vendor changed it'),
          correction('partial', '2025-01-10T08:00:00Z', 'Some weeks are lost'),
        ],
      );
      expect(minutes.status).toBe('missing');
      expect(minutes.reason).toBe(
        'Minutes on platform: corrected by user:default/ada-quill on 2025-05-01: Vendor changed it',
      );
    });

    it("finds part of an element without the district's latest year", () => {
      const { result } = minutesOf([sis(), ixl({ years: ['2023-24'] })]);
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Minutes on platform: has no data for 2024-25',
      ]);
    });

    it('finds part of an element that cannot be broken down by subgroup', () => {
      const { result } = minutesOf([
        sis(),
        ixl({}, { linkableByStudentId: false }),
      ]);
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Minutes on platform: cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
      ]);
    });

    it('finds part of an element that must be joined with another source', () => {
      const result = assessIndicator(
        { ...minutesIndicator, disaggregateBy: [] },
        district([sis(), ixl({}, { linkableByStudentId: false })]),
      );
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Minutes on platform: cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
      ]);
    });

    it('does not ask for links when one source holds everything', () => {
      const platform = source(
        'alder-creek-ixl',
        'Alder Creek IXL',
        [held(ID), held(MINUTES)],
        { linkableByStudentId: false },
      );
      const result = assessIndicator(
        { ...minutesIndicator, disaggregateBy: [] },
        district([sis(), platform]),
      );
      expect(result.status).toBe('available');
      expect(result.elements.map(e => e.reason)).toEqual([
        'Student identifier comes from Alder Creek SIS (STUDENT-IDENTIFIER)',
        'Minutes on platform comes from Alder Creek IXL (PLATFORM-MINUTES)',
      ]);
    });

    it('warns of a source being retired without changing the status', () => {
      const { result, minutes } = minutesOf([
        sis(),
        ixl({}, { lifecycle: 'deprecated' }),
      ]);
      expect(result.status).toBe('available');
      expect(minutes.provisions[0]).toMatchObject({
        status: 'available',
        problems: ['Alder Creek IXL is being retired'],
      });
      expect(minutes.reason).toBe(
        'Minutes on platform comes from Alder Creek IXL (PLATFORM-MINUTES)',
      );

      const partly = minutesOf([
        sis(),
        ixl({ status: 'partial' }, { lifecycle: 'deprecated' }),
      ]);
      expect(partly.result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL holds it only in part; Alder Creek IXL is being retired',
      ]);
    });

    it('finds nothing yet in a planned source, nor counts its years', () => {
      const planned = ixl(
        { years: ['2025-26'] },
        { lifecycle: 'planned', years: ['2025-26'] },
      );
      const { result, minutes } = minutesOf([sis(), planned]);
      expect(minutes.provisions[0].problems).toEqual([
        'Alder Creek IXL is not in use yet',
      ]);
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'Minutes on platform: Alder Creek IXL is not in use yet',
      ]);
      expect(result.elements[0].status).toBe('available');
    });

    it('reports an element no source provides', () => {
      const { result } = minutesOf([sis()]);
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'No Alder Creek Central School District source provides Minutes on platform',
      ]);
    });
  });

  describe('choosing among provisions', () => {
    const lexia = (
      minutes: Partial<ProvisionRecord> = {},
      overrides: Partial<SourceRecord> = {},
    ) =>
      source(
        'alder-creek-lexia',
        'Alder Creek Lexia',
        [held(MINUTES, minutes)],
        overrides,
      );
    const onlyMinutes = { ...minutesIndicator, requires: [MINUTES] };
    const chosen = (...sources: SourceRecord[]) => {
      const result = assessIndicator(
        { ...onlyMinutes, disaggregateBy: [] },
        district([sis(), ...sources]),
      );
      return result.elements[0];
    };

    it('takes the best status, and lists provisions best first', () => {
      const element = chosen(ixl({ status: 'partial' }), lexia());
      expect(element.status).toBe('available');
      expect(element.chosen).toBe('datasource:default/alder-creek-lexia');
      expect(element.provisions.map(p => p.status)).toEqual([
        'available',
        'partial',
      ]);
    });

    it('prefers a source linkable by student ID', () => {
      const element = chosen(ixl({}, { linkableByStudentId: false }), lexia());
      expect(element.chosen).toBe('datasource:default/alder-creek-lexia');
    });

    it('prefers a source in production to one being retired', () => {
      const element = chosen(ixl({}, { lifecycle: 'deprecated' }), lexia());
      expect(element.chosen).toBe('datasource:default/alder-creek-lexia');
    });

    it('prefers the source covering more grades', () => {
      const element = chosen(
        ixl({ grades: ['K', '1', '2'] }),
        lexia({ grades: ['K', '1', '2', '3'] }),
      );
      expect(element.status).toBe('partial');
      expect(element.reason).toBe(
        'Minutes on platform: covers grades K-3 of K-5',
      );
    });

    it('takes sources in order of title when all else is equal', () => {
      expect(chosen(lexia(), ixl()).reason).toBe(
        'Minutes on platform comes from Alder Creek IXL (PLATFORM-MINUTES)',
      );
    });
  });

  describe('the indicator status', () => {
    it('is missing with only the missing required elements as reasons', () => {
      const partialAttendance = sis({
        provides: [
          held(ID),
          held(ATTENDANCE, { status: 'partial' }),
          held(DISABILITY, { status: 'not-collected' }),
        ],
      });
      const result = assessIndicator(
        indicator({ requires: [ID, ATTENDANCE, MINUTES] }),
        district([partialAttendance]),
      );
      expect(result.status).toBe('missing');
      expect(result.reasons).toEqual([
        'No Alder Creek Central School District source provides Minutes on platform',
      ]);
    });

    it('is partial with partial required elements, then subgroups', () => {
      const gaps = sis({
        provides: [
          held(ID),
          held(ATTENDANCE, { status: 'partial' }),
          held(DISABILITY, { status: 'not-collected' }),
        ],
      });
      const result = assessIndicator(
        indicator({ disaggregateBy: [DISABILITY, ELL] }),
        district([gaps]),
      );
      expect(result.status).toBe('partial');
      expect(result.reasons).toEqual([
        'Daily attendance status: Alder Creek SIS holds it only in part',
        'Cannot be broken down by Students with disabilities: Alder Creek SIS does not collect it',
        'Cannot be broken down by English language learners: No Alder Creek Central School District source provides English language learners',
      ]);
    });

    it('is available when every element is', () => {
      const result = assessIndicator(indicator(), district([sis()]));
      expect(result.status).toBe('available');
      expect(result.reasons).toEqual([
        'All 2 required elements and 1 subgroup element are available',
      ]);
      expect(result.elements.map(e => [e.element, e.role, e.chosen])).toEqual([
        [ID, 'required', 'datasource:default/alder-creek-sis'],
        [ATTENDANCE, 'required', 'datasource:default/alder-creek-sis'],
        [DISABILITY, 'subgroup', 'datasource:default/alder-creek-sis'],
      ]);
    });

    it('assesses an element both required and a subgroup once, as required', () => {
      const result = assessIndicator(
        indicator({ requires: [ID, DISABILITY], disaggregateBy: [DISABILITY] }),
        district([sis()]),
      );
      expect(result.elements.map(e => [e.element, e.role])).toEqual([
        [ID, 'required'],
        [DISABILITY, 'required'],
      ]);
      expect(result.reasons).toEqual([
        'All 2 required elements and 0 subgroup elements are available',
      ]);
    });

    it('names an element not in the vocabulary by its reference', () => {
      const result = assessIndicator(
        indicator({
          requires: ['dataelement:default/flex-block-participation'],
        }),
        district([sis()]),
      );
      expect(result.reasons).toEqual([
        'No Alder Creek Central School District source provides flex-block-participation',
      ]);
    });
  });
});
