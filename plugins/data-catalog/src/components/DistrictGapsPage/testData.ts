import {
  ElementAssessment,
  GapSummary,
  Grade,
  IndicatorAvailability,
  ProvisionAssessment,
  StatusCounts,
} from '@internal/plugin-data-catalog-common';
import { DistrictGaps, ProgressPoint } from '../../api';
import { gananda } from '../DistrictPicker/testData';

/*
 * Gananda's gaps as the backend would answer: six indicators across the
 * three stages, one of each status at least, with subgroup elements, a
 * source's other provisions and an owner's correction.
 */

const ALL_GRADES: Grade[] = [
  'K',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
];

function provision(
  source: string,
  sourceTitle: string,
  field: string,
  extra: Partial<ProvisionAssessment> = {},
): ProvisionAssessment {
  return {
    source: `datasource:default/${source}`,
    sourceTitle,
    field,
    status: 'available',
    grades: ALL_GRADES,
    years: ['2023-24', '2024-25'],
    linkableByStudentId: true,
    problems: [],
    ...extra,
  };
}

const schooltool = (field: string, extra?: Partial<ProvisionAssessment>) =>
  provision('gananda-schooltool', 'SchoolTool SIS', field, {
    vendor: 'SchoolTool',
    ...extra,
  });

function element(
  name: string,
  elementTitle: string,
  role: ElementAssessment['role'],
  provisions: ProvisionAssessment[],
  reason?: string,
): ElementAssessment {
  const chosen = provisions[0];
  const status = chosen?.status ?? 'missing';
  return {
    element: `dataelement:default/${name}`,
    elementTitle,
    role,
    status,
    chosen: chosen?.source,
    provisions,
    reason:
      reason ??
      (chosen
        ? `${elementTitle} comes from ${chosen.sourceTitle} (${chosen.field})`
        : `No Gananda Central School District source provides ${elementTitle}`),
  };
}

const ellAvailable = element(
  'ell-status',
  'English language learner status',
  'subgroup',
  [schooltool('ELL_FLAG')],
);
const swdAvailable = element(
  'swd-status',
  'Disability status (IEP)',
  'subgroup',
  [schooltool('IEP_FLAG')],
);

const correction = {
  source: 'datasource:default/gananda-schooltool',
  element: 'dataelement:default/econ-disadvantaged',
  status: 'partial' as const,
  reason: 'the flag is blank for students who enrolled mid-year',
  by: 'user:default/jordan.lee',
  at: '2025-01-10T14:03:00.000Z',
};
const correctionProblem =
  'corrected by user:default/jordan.lee on 2025-01-10: the flag is blank for students who enrolled mid-year';

export const deviceAccess: IndicatorAvailability = {
  indicator: 'indicator:default/device-access',
  indicatorTitle: 'Students with a school-issued device',
  stage: 'access',
  construct: 'flexible-learning-environments',
  district: gananda.ref,
  status: 'available',
  reasons: ['All 2 required elements and 2 subgroup elements are available'],
  elements: [
    element('student-id', 'Student ID', 'required', [schooltool('STUDENT_ID')]),
    element('device-assigned', 'Device assigned', 'required', [
      provision('gananda-device-inventory', 'Device inventory', 'Serial'),
    ]),
    ellAvailable,
    swdAvailable,
  ],
};

export const homeInternet: IndicatorAvailability = {
  indicator: 'indicator:default/home-internet',
  indicatorTitle: 'Home internet access',
  stage: 'access',
  construct: 'flexible-learning-environments',
  district: gananda.ref,
  status: 'missing',
  reasons: [
    'No Gananda Central School District source provides Home internet access',
  ],
  elements: [
    element('home-internet-access', 'Home internet access', 'required', []),
    ellAvailable,
  ],
};

const iready = provision('gananda-iready', 'i-Ready', 'TimeOnTaskMinutes', {
  vendor: 'Curriculum Associates',
  status: 'partial',
  grades: ['3', '4', '5', '6', '7', '8'],
  linkableByStudentId: false,
  problems: [
    'covers grades 3-8 of K-12',
    'cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
  ],
});

export const platformMinutes: IndicatorAvailability = {
  indicator: 'indicator:default/platform-minutes',
  indicatorTitle: 'Weekly minutes on the personalized learning platform',
  stage: 'participation',
  construct: 'personal-learning-paths',
  district: gananda.ref,
  status: 'partial',
  reasons: [
    'Minutes on platform: covers grades 3-8 of K-12; cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
    'Cannot be broken down by English language learner status: i-Ready holds it only in part',
  ],
  elements: [
    element(
      'platform-minutes',
      'Minutes on platform',
      'required',
      [iready],
      'Minutes on platform: covers grades 3-8 of K-12; cannot be linked to students by ID, so it cannot be joined with other data or broken down by subgroup',
    ),
    element(
      'ell-status',
      'English language learner status',
      'subgroup',
      [
        provision('gananda-iready', 'i-Ready', 'EL', {
          status: 'partial',
          problems: ['i-Ready holds it only in part'],
        }),
      ],
      'English language learner status: i-Ready holds it only in part',
    ),
  ],
};

export const goalConferences: IndicatorAvailability = {
  indicator: 'indicator:default/goal-conferences',
  indicatorTitle: 'Goal-setting conferences held',
  stage: 'participation',
  construct: 'student-agency',
  district: gananda.ref,
  status: 'not-applicable',
  reasons: ['Gananda Central School District serves none of grades 9-12'],
  elements: [],
};

export const regentsPassing: IndicatorAvailability = {
  indicator: 'indicator:default/regents-passing',
  indicatorTitle: 'Regents exam passing rate',
  stage: 'outcomes',
  construct: 'competency-based-progression',
  district: gananda.ref,
  status: 'partial',
  reasons: [
    `Cannot be broken down by Economically disadvantaged status: ${correctionProblem}`,
  ],
  elements: [
    element('regents-score', 'Regents exam score', 'required', [
      provision('wfl-regents', 'Regional Regents results', 'SCALE_SCORE'),
    ]),
    element(
      'econ-disadvantaged',
      'Economically disadvantaged status',
      'subgroup',
      [
        schooltool('ECON_DIS', {
          status: 'partial',
          correction,
          problems: [correctionProblem],
        }),
        provision(
          'gananda-level0',
          'Level 0 state reporting extract',
          'POVERTY_IND',
          {
            status: 'missing',
            problems: ['Level 0 state reporting extract does not collect it'],
          },
        ),
      ],
      `Economically disadvantaged status: ${correctionProblem}`,
    ),
  ],
};

export const chronicAbsenteeism: IndicatorAvailability = {
  indicator: 'indicator:default/chronic-absenteeism',
  indicatorTitle: 'Chronic absenteeism rate',
  stage: 'outcomes',
  construct: 'engagement',
  district: gananda.ref,
  status: 'available',
  reasons: ['All 1 required element and 1 subgroup element are available'],
  elements: [
    element('daily-attendance', 'Daily attendance', 'required', [
      schooltool('ATT_CODE'),
    ]),
    swdAvailable,
  ],
};

/** Gananda's indicators, in the order the backend gives them. */
export const ganandaResults = [
  chronicAbsenteeism,
  homeInternet,
  regentsPassing,
  deviceAccess,
  goalConferences,
  platformMinutes,
];

export function counts(
  available: number,
  partial: number,
  missing: number,
  notApplicable = 0,
): StatusCounts {
  return {
    available,
    partial,
    missing,
    'not-applicable': notApplicable,
  };
}

const none = counts(0, 0, 0);

function summary(
  byStage: GapSummary['byStage'],
  total: StatusCounts,
): GapSummary {
  return {
    total,
    byStage,
    byConstruct: {
      'learner-profiles': none,
      'personal-learning-paths': none,
      'competency-based-progression': none,
      'flexible-learning-environments': none,
      'student-agency': none,
      engagement: none,
    },
  };
}

export const ganandaSummary = summary(
  {
    access: counts(1, 0, 1),
    participation: counts(0, 1, 0, 1),
    outcomes: counts(1, 1, 0),
  },
  counts(2, 2, 1, 1),
);

/** Gananda's gaps, with the catalog read `minutesAgo` minutes ago. */
export function ganandaGaps(minutesAgo = 2): DistrictGaps {
  return {
    district: gananda,
    refreshedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    summary: ganandaSummary,
    results: ganandaResults,
  };
}

/** Three points: three missing indicators fall to one over two months. */
export const ganandaProgress: ProgressPoint[] = [
  {
    takenAt: '2025-01-06T12:00:00.000Z',
    cause: 'catalog',
    summary: summary(
      {
        access: counts(0, 0, 2),
        participation: counts(0, 1, 0, 1),
        outcomes: counts(1, 1, 1),
      },
      counts(1, 2, 3, 1),
    ),
  },
  {
    takenAt: '2025-02-03T12:00:00.000Z',
    cause: 'annotation',
    summary: summary(
      {
        access: counts(1, 0, 1),
        participation: counts(0, 1, 0, 1),
        outcomes: counts(1, 1, 1),
      },
      counts(2, 2, 2, 1),
    ),
  },
  {
    takenAt: '2025-03-03T12:00:00.000Z',
    cause: 'daily',
    summary: ganandaSummary,
  },
];
