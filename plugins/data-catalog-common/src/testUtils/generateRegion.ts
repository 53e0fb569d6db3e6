import { Entity } from '@backstage/catalog-model';
import { DATA_TEAM_ANNOTATION } from '../annotations';
import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
  IndicatorEntityV1alpha1,
  ProvidedElement,
  SourceFeed,
} from '../entities';
import {
  AccessFrequency,
  AccessMethod,
  DATA_CATALOG_API_VERSION,
  DataSourceCategory,
  DataSourceType,
  ELEMENT_DOMAINS,
  ELEMENT_VALUE_TYPES,
  ElementDomain,
  ElementGrain,
  ElementStatus,
  Grade,
  GRADES,
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
  IndicatorStage,
} from '../vocabulary';

/*
 * A synthetic region of any size, shaped like the demo region: BOCES with
 * member districts, each with the demo's mix of systems, a shared vocabulary
 * and indicators. Used to test and benchmark the catalog at statewide scale
 * (New York has 37 BOCES and about 700 districts) without real data.
 */

/** The size and seed of a generated region. */
export interface GenerateRegionOptions {
  /** Same seed, same region; defaults to 1. */
  seed?: number;
  bocesCount?: number;
  districtCount?: number;
  /** Sources per district, or a range to draw each district's count from. */
  sourcesPerDistrict?: number | [number, number];
  elementCount?: number;
  indicatorCount?: number;
}

/** A small seeded random number generator and the helpers built on it. */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * mulberry32: 32 bits of state, fast, and good enough to make test data
 * that looks varied; the same seed always gives the same sequence.
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: probability => next() < probability,
    pick: items => items[Math.floor(next() * items.length)],
    shuffle: items => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}

/** Words separated by white space, as a list. */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

// The eight subgroups New York reports, always in the vocabulary.
const NY_SUBGROUPS = [
  'disability-status',
  'english-learner-status',
  'economic-disadvantage-status',
  'race-ethnicity',
  'sex',
  'homeless-status',
  'foster-care-status',
  'migrant-status',
];
const MORE_SUBGROUPS = [
  'section-504-status',
  'former-english-learner-status',
  'military-connected-status',
  'immigrant-status',
  'gifted-status',
  'neglected-delinquent-status',
];
const ID = 'student-identifier';
const GRADE_LEVEL = 'grade-level';

// The demo's element names by domain; more are numbered once these run out.
const NAMED_ELEMENTS: Record<ElementDomain, string[]> = {
  enrollment: words(`
    enrollment-entry-date enrollment-exit-date school-of-enrollment
    cohort-graduation-year
  `),
  demographics: words(`
    birthdate hispanic-latino-ethnicity home-language
  `),
  program: words(`
    primary-disability-type special-education-setting enl-program-service
    school-meal-eligibility
  `),
  attendance: words(`
    daily-attendance-status class-attendance-status days-in-attendance
    days-absent attendance-rate chronic-absenteeism-flag
  `),
  assessment: words(`
    ela-state-scale-score ela-state-performance-level math-state-scale-score
    math-state-performance-level regents-exam-score regents-exam-passed
    reading-interim-scale-score math-interim-scale-score
    reading-growth-percentile math-growth-percentile
    nyseslat-proficiency-level
  `),
  course: words(`
    course-enrollment course-delivery-mode personalized-section-designation
    course-final-grade course-passed course-credits-earned
    cumulative-credits-earned credit-earning-method competency-mastery-level
    competencies-mastered-count
  `),
  'digital-learning': words(`
    platform-account-active platform-minutes platform-lessons-completed
    platform-session-start lms-assignment-submitted lms-last-activity-date
  `),
  access: words(`
    device-assigned device-type home-internet-access home-internet-type
    hotspot-loaned
  `),
  'learner-profile': words(`
    learner-profile-completed personal-learning-plan-status
    student-learning-goal goal-setting-conference-date goal-progress-status
    advisor-assigned
  `),
  survey: words(`
    agency-survey-score belonging-survey-score engagement-survey-score
  `),
  discipline: words(`
    disciplinary-action-type suspension-days
  `),
};

const GRAIN_OF: Record<ElementDomain, ElementGrain> = {
  enrollment: 'student-year',
  demographics: 'student',
  program: 'student-year',
  attendance: 'student-day',
  assessment: 'student-assessment',
  course: 'student-course',
  'digital-learning': 'student-session',
  access: 'student-year',
  'learner-profile': 'student-term',
  survey: 'student-term',
  discipline: 'student-year',
};

// Which domains each kind of system holds, and each stage of indicator needs.
const DOMAINS_OF: Record<DataSourceType, ElementDomain[]> = {
  sis: [
    'enrollment',
    'demographics',
    'program',
    'attendance',
    'course',
    'discipline',
  ],
  'state-reporting': [],
  assessment: ['assessment'],
  lms: ['course', 'digital-learning', 'learner-profile'],
  'digital-platform': ['digital-learning', 'learner-profile', 'access'],
  survey: ['survey', 'access', 'learner-profile'],
  'special-education': ['program'],
  'english-learner': ['program', 'demographics', 'assessment'],
  warehouse: ['enrollment', 'attendance', 'course', 'assessment'],
  spreadsheet: ['access'],
  other: [],
};
const STAGE_DOMAINS: Record<IndicatorStage, ElementDomain[]> = {
  access: ['access', 'enrollment', 'course', 'learner-profile'],
  participation: ['digital-learning', 'attendance', 'learner-profile'],
  outcomes: ['assessment', 'course', 'attendance', 'survey', 'discipline'],
};

/** A kind of system a district may run, with the vendors it comes from. */
interface SystemKind {
  type: DataSourceType;
  category: DataSourceCategory;
  products: Array<[vendor: string, product: string, slug: string]>;
  grades: Array<[from: Grade, to: Grade]>;
  access: Array<[AccessMethod, AccessFrequency]>;
}

const SIS_VENDORS: SystemKind['products'] = [
  ['PowerSchool', 'PowerSchool SIS', 'sis'],
  ['Infinite Campus', 'Campus Student', 'sis'],
  ['eSchoolData', 'eSchoolData SIS', 'sis'],
  ['Cloud Design', 'SchoolTool', 'sis'],
];

const SYSTEMS: Record<string, SystemKind> = {
  sis: {
    type: 'sis',
    category: 'administrative',
    products: SIS_VENDORS,
    grades: [],
    access: [['api', 'daily']],
  },
  'state-reporting': {
    type: 'state-reporting',
    category: 'administrative',
    products: [['Regional Information Center', 'Level 0 extract', 'level0']],
    grades: [],
    access: [['export', 'weekly']],
  },
  assessment: {
    type: 'assessment',
    category: 'assessment',
    products: [
      ['NWEA', 'MAP Growth', 'map-growth'],
      ['Renaissance', 'Star Assessments', 'star'],
      ['Curriculum Associates', 'i-Ready Diagnostic', 'iready-diagnostic'],
      ['Amplify', 'mCLASS', 'mclass'],
    ],
    grades: [
      ['K', '8'],
      ['3', '8'],
      ['K', '10'],
      ['9', '12'],
    ],
    access: [
      ['export', 'term'],
      ['api', 'weekly'],
    ],
  },
  lms: {
    type: 'lms',
    category: 'digital-platform',
    products: [
      ['PowerSchool', 'Schoology', 'schoology'],
      ['Google', 'Google Classroom', 'google-classroom'],
      ['Instructure', 'Canvas', 'canvas'],
    ],
    grades: [
      ['K', '12'],
      ['6', '12'],
    ],
    access: [
      ['api', 'daily'],
      ['export', 'weekly'],
    ],
  },
  'digital-platform': {
    type: 'digital-platform',
    category: 'digital-platform',
    products: [
      ['IXL Learning', 'IXL', 'ixl'],
      ['Khan Academy', 'Khan Academy', 'khan-academy'],
      ['DreamBox Learning', 'DreamBox Math', 'dreambox'],
      ['Lexia', 'Lexia Core5', 'lexia'],
      ['Edmentum', 'Exact Path', 'exact-path'],
      ['Imagine Learning', 'Imagine Math', 'imagine-math'],
      ['Zearn', 'Zearn Math', 'zearn'],
      ['Newsela', 'Newsela', 'newsela'],
      ['Incident IQ', 'Device inventory', 'device-inventory'],
    ],
    grades: [
      ['K', '5'],
      ['K', '8'],
      ['3', '8'],
      ['6', '12'],
    ],
    access: [
      ['export', 'weekly'],
      ['api', 'daily'],
      ['manual', 'on-request'],
    ],
  },
  survey: {
    type: 'survey',
    category: 'assessment',
    products: [
      ['Panorama Education', 'Panorama student survey', 'panorama-survey'],
      ['YouthTruth', 'YouthTruth student survey', 'youthtruth-survey'],
      ['District', 'Digital access survey', 'digital-access-survey'],
    ],
    grades: [
      ['3', '12'],
      ['6', '12'],
    ],
    access: [
      ['export', 'term'],
      ['manual', 'yearly'],
    ],
  },
  'special-education': {
    type: 'special-education',
    category: 'administrative',
    products: [['Frontline Education', 'IEP Direct', 'iep-direct']],
    grades: [['PK', '12']],
    access: [['export', 'daily']],
  },
  'english-learner': {
    type: 'english-learner',
    category: 'administrative',
    products: [['Ellevation', 'Ellevation Platform', 'ellevation']],
    grades: [['K', '12']],
    access: [['export', 'weekly']],
  },
};

// The demo's mix, in the order a district gets its systems; beyond these,
// further systems are mostly digital platforms.
const SYSTEM_ORDER = [
  'sis',
  'state-reporting',
  'assessment',
  'lms',
  'digital-platform',
  'survey',
  'special-education',
  'english-learner',
  'assessment',
  'digital-platform',
  'survey',
  'digital-platform',
];

const YEARS = ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'];

const PLACE_PREFIXES = ['north', 'south', 'east', 'west', 'upper', 'lower'];
const PLACE_WORDS = words(`
  alder birch cedar elm maple oak pine willow spruce hemlock aspen laurel ash
  hickory chestnut juniper sumac tamarack linden walnut
`);
const PLACE_KINDS = words(`
  creek harbor point falls valley ridge lake hollow springs hills mills
  landing glen bay corners junction
`);

function titleCase(name: string): string {
  return name
    .split('-')
    .map(word => word[0].toLocaleUpperCase('en-US') + word.slice(1))
    .join(' ');
}

function gradeRange(from: Grade, to: Grade): Grade[] {
  return GRADES.slice(GRADES.indexOf(from), GRADES.indexOf(to) + 1);
}

/** Unique names: a name already taken gets a number. */
function namer() {
  const taken = new Set<string>();
  return (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) {
      name = `${wanted}-${n}`;
    }
    taken.add(name);
    return name;
  };
}

function group(
  name: string,
  type: string,
  displayName: string,
  parent?: string,
  dataTeam?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      title: displayName,
      ...(dataTeam
        ? { annotations: { [DATA_TEAM_ANNOTATION]: `group:${dataTeam}` } }
        : {}),
    },
    spec: {
      type,
      profile: { displayName },
      ...(parent ? { parent } : {}),
      children: [],
    },
  };
}

/** The shared vocabulary: its elements by name, and their domains. */
interface Vocabulary {
  elements: DataElementEntityV1alpha1[];
  subgroups: string[];
  byDomain: Map<ElementDomain, string[]>;
}

function generateVocabulary(
  random: SeededRandom,
  count: number,
  owner: string,
): Vocabulary {
  const subgroupCount = Math.max(NY_SUBGROUPS.length, Math.round(count * 0.1));
  const subgroups = [...NY_SUBGROUPS, ...MORE_SUBGROUPS].slice(
    0,
    subgroupCount,
  );
  for (let n = subgroups.length + 1; subgroups.length < subgroupCount; n++) {
    subgroups.push(`subgroup-attribute-${n}`);
  }

  // Then the identifier and grade level, then the other domains in turn.
  const plain: Array<[string, ElementDomain]> = [
    [ID, 'enrollment'],
    [GRADE_LEVEL, 'enrollment'],
  ];
  const queues = ELEMENT_DOMAINS.map(domain => ({
    domain,
    names: [...NAMED_ELEMENTS[domain]],
    n: 0,
  }));
  for (let i = 0; plain.length < count - subgroupCount; i++) {
    const queue = queues[i % queues.length];
    queue.n += 1;
    const name = queue.names.shift() ?? `${queue.domain}-element-${queue.n}`;
    plain.push([name, queue.domain]);
  }

  const element = (
    name: string,
    domain: ElementDomain,
    subgroup: boolean,
    index: number,
  ): DataElementEntityV1alpha1 => ({
    apiVersion: DATA_CATALOG_API_VERSION,
    kind: 'DataElement',
    metadata: { name, title: titleCase(name) },
    spec: {
      owner,
      definition: `${titleCase(name)}, defined once for every district.`,
      domain,
      grain: GRAIN_OF[domain],
      valueType: subgroup ? 'code' : random.pick(ELEMENT_VALUE_TYPES),
      privacy: domain === 'program' ? 'sensitive-pii' : 'pii',
      ...(subgroup ? { subgroup: true } : {}),
      ...(random.chance(0.6)
        ? { ceds: { id: String(100 + index).padStart(6, '0') } }
        : {}),
    },
  });

  const elements = [
    ...plain.map(([name, domain], i) => element(name, domain, false, i)),
    ...subgroups.map((name, i) =>
      element(
        name,
        name === 'sex' || name === 'race-ethnicity'
          ? 'demographics'
          : 'program',
        true,
        plain.length + i,
      ),
    ),
  ];
  const byDomain = new Map<ElementDomain, string[]>();
  for (const [name, domain] of plain.slice(2)) {
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), name]);
  }
  return { elements, subgroups, byDomain };
}

const INDICATOR_GRADES: Grade[][] = [
  gradeRange('3', '8'),
  gradeRange('9', '12'),
  gradeRange('K', '5'),
  gradeRange('6', '12'),
  gradeRange('K', '3'),
];

function generateIndicators(
  random: SeededRandom,
  count: number,
  vocabulary: Vocabulary,
  owner: string,
): IndicatorEntityV1alpha1[] {
  const indicators: IndicatorEntityV1alpha1[] = [];
  for (let i = 0; i < count; i++) {
    // Walks every stage and construct pair in turn, so all are used.
    const stage = INDICATOR_STAGES[i % INDICATOR_STAGES.length];
    const construct =
      INDICATOR_CONSTRUCTS[
        Math.floor(i / INDICATOR_STAGES.length) % INDICATOR_CONSTRUCTS.length
      ];
    const pool = STAGE_DOMAINS[stage].flatMap(
      domain => vocabulary.byDomain.get(domain) ?? [],
    );
    const requires = [ID, ...random.shuffle(pool).slice(0, random.int(1, 4))];
    const disaggregateBy = random
      .shuffle(vocabulary.subgroups)
      .slice(0, random.int(2, 8));
    const name = `${construct}-${stage}-${i + 1}`;
    indicators.push({
      apiVersion: DATA_CATALOG_API_VERSION,
      kind: 'Indicator',
      metadata: { name, title: titleCase(name) },
      spec: {
        owner,
        stage,
        construct,
        definition: `A generated ${stage} indicator of ${construct}.`,
        calculation: `Computed from ${requires.join(', ')} per student.`,
        unit: 'percent of students',
        ...(random.chance(0.25)
          ? { grades: random.pick(INDICATOR_GRADES) }
          : {}),
        requires: requires.map(e => `dataelement:${e}`),
        disaggregateBy: disaggregateBy.map(e => `dataelement:${e}`),
      },
    });
  }
  return indicators;
}

/** What the sources of one district are generated from. */
interface DistrictPlan {
  district: string;
  title: string;
  owner: string;
  grades: Grade[];
  sourceCount: number;
}

function field(system: DataSourceType, element: string): string {
  const column = element.replace(/-/g, '_');
  return system === 'sis' || system === 'state-reporting'
    ? `STUDENT.${column.toLocaleUpperCase('en-US')}`
    : column;
}

function provisions(
  random: SeededRandom,
  type: DataSourceType,
  elements: string[],
  coverage: { grades: Grade[]; years: string[] },
): ProvidedElement[] {
  const { grades, years } = coverage;
  return elements.map((element, i) => {
    const provided: ProvidedElement = {
      element: `dataelement:${element}`,
      field: field(type, element),
    };
    // The identifier is what links sources; it is kept clean.
    if (i > 0 && random.chance(0.15)) {
      const roll = random.next();
      let status: ElementStatus = 'partial';
      if (roll >= 0.8) status = 'not-collected';
      else if (roll >= 0.6) status = 'unusable';
      provided.status = status;
    }
    if (i > 0 && grades.length > 2 && random.chance(0.08)) {
      const from = random.int(1, grades.length - 1);
      provided.coverage = { grades: grades.slice(from) };
    } else if (i > 0 && years.length > 2 && random.chance(0.04)) {
      provided.coverage = { years: years.slice(-2) };
    }
    return provided;
  });
}

function providedNames(source: DataSourceEntityV1alpha1): string[] {
  return (source.spec.provides ?? []).map(p =>
    p.element.replace(/^dataelement:/, ''),
  );
}

/** Up to `count` elements: the required ones, then the preferred, then any. */
function chooseElements(
  random: SeededRandom,
  count: number,
  required: string[],
  preferred: string[],
  others: string[],
): string[] {
  const chosen = new Set(required);
  for (const name of [
    ...random.shuffle(preferred),
    ...random.shuffle(others),
  ]) {
    if (chosen.size >= count) break;
    chosen.add(name);
  }
  return [...chosen];
}

function generateDistrictSources(
  random: SeededRandom,
  plan: DistrictPlan,
  vocabulary: Vocabulary,
): DataSourceEntityV1alpha1[] {
  const nameOf = namer();
  const allPlain = [...vocabulary.byDomain.values()].flat();
  const sources: DataSourceEntityV1alpha1[] = [];
  const sisVendor = random.pick(SIS_VENDORS);

  for (let i = 0; i < plan.sourceCount; i++) {
    const key =
      SYSTEM_ORDER[i] ??
      (random.chance(0.7)
        ? 'digital-platform'
        : random.pick(['assessment', 'survey']));
    const system = SYSTEMS[key];
    const [vendor, product, slug] =
      system.type === 'sis' ? sisVendor : random.pick(system.products);
    const grades =
      system.grades.length > 0
        ? gradeRange(...random.pick(system.grades)).filter(g =>
            plan.grades.includes(g),
          )
        : plan.grades;
    const [method, frequency] = random.pick(system.access);
    const firstYear = system.type === 'sis' ? 0 : random.int(0, 3);
    const lastYear =
      system.type !== 'sis' && random.chance(0.08)
        ? YEARS.length - 1
        : YEARS.length;

    const sis = sources[0];
    let elements: string[];
    if (system.type === 'state-reporting' && sis) {
      // A copy of part of what the SIS holds.
      const fromSis = providedNames(sis);
      elements = fromSis
        .slice(0, 2)
        .concat(random.shuffle(fromSis.slice(2)).slice(0, random.int(8, 18)));
    } else {
      const preferred = DOMAINS_OF[system.type].flatMap(
        domain => vocabulary.byDomain.get(domain) ?? [],
      );
      const required =
        system.type === 'sis'
          ? [ID, GRADE_LEVEL, ...vocabulary.subgroups]
          : [ID];
      if (system.type === 'special-education') required.push(NY_SUBGROUPS[0]);
      if (system.type === 'english-learner') required.push(NY_SUBGROUPS[1]);
      elements = chooseElements(
        random,
        system.type === 'sis' ? random.int(30, 40) : random.int(10, 40),
        required,
        preferred,
        allPlain,
      );
    }

    const linkable =
      !(system.type === 'survey' && random.chance(0.35)) &&
      !(system.type === 'digital-platform' && random.chance(0.05));
    const name = nameOf(`${plan.district}-${slug}`);
    const years = YEARS.slice(firstYear, lastYear);
    const source: DataSourceEntityV1alpha1 = {
      apiVersion: DATA_CATALOG_API_VERSION,
      kind: 'DataSource',
      metadata: { name, title: `${plan.title} ${product}` },
      spec: {
        type: system.type,
        category: system.category,
        lifecycle: i > 1 && random.chance(0.03) ? 'deprecated' : 'production',
        owner: `group:${plan.owner}`,
        district: `group:${plan.district}`,
        vendor,
        product,
        access: { method, frequency },
        linkableByStudentId: linkable,
        coverage: { grades, years },
        privacy: linkable ? 'pii' : 'de-identified',
        provides: provisions(random, system.type, elements, { grades, years }),
      },
    };
    if (system.type === 'sis') source.spec.privacy = 'sensitive-pii';
    sources.push(source);
  }

  addFeeds(random, sources);

  // In about one district in twenty a platform has no way to get data out.
  const platforms = sources.filter(s => s.spec.type === 'digital-platform');
  if (platforms.length > 0 && random.chance(0.05)) {
    random.pick(platforms).spec.access = { method: 'none', frequency: 'never' };
  }
  return sources;
}

function feed(from: DataSourceEntityV1alpha1, elements: string[]): SourceFeed {
  return {
    source: `datasource:${from.metadata.name}`,
    elements: elements.map(e => `dataelement:${e}`),
  };
}

// The demo's lineage inside a district: the SIS rosters most systems and
// feeds the Level 0 extract; special education and some platforms send
// flags and grades back to the SIS.
function addFeeds(random: SeededRandom, sources: DataSourceEntityV1alpha1[]) {
  const [sis, ...rest] = sources;
  const toSis: SourceFeed[] = [];
  for (const source of rest) {
    const provided = providedNames(source);
    if (source.spec.type === 'state-reporting') {
      source.spec.fedBy = [feed(sis, provided)];
    } else if (source.spec.type === 'special-education') {
      toSis.push(feed(source, [provided[1]]));
    } else if (random.chance(0.7)) {
      source.spec.fedBy = [feed(sis, [ID, GRADE_LEVEL])];
      if (source.spec.type !== 'survey' && random.chance(0.15)) {
        toSis.push(feed(source, random.shuffle(provided.slice(1)).slice(0, 2)));
      }
    }
  }
  if (toSis.length > 0) {
    sis.spec.fedBy = toSis;
  }
}

const WAREHOUSE_ELEMENTS = 30;

function generateWarehouse(
  random: SeededRandom,
  boces: string,
  owner: string,
  memberSis: DataSourceEntityV1alpha1[],
  vocabulary: Vocabulary,
): DataSourceEntityV1alpha1 {
  const preferred = DOMAINS_OF.warehouse.flatMap(
    domain => vocabulary.byDomain.get(domain) ?? [],
  );
  const elements = chooseElements(
    random,
    WAREHOUSE_ELEMENTS,
    [ID, GRADE_LEVEL, ...NY_SUBGROUPS],
    preferred,
    [],
  );
  const held = new Set(elements);
  return {
    apiVersion: DATA_CATALOG_API_VERSION,
    kind: 'DataSource',
    metadata: { name: `${boces}-rdw`, title: `${titleCase(boces)} RDW` },
    spec: {
      type: 'warehouse',
      category: 'administrative',
      lifecycle: 'production',
      owner: `group:${owner}`,
      district: `group:${boces}`,
      vendor: titleCase(boces),
      product: 'Regional data warehouse',
      access: { method: 'ed-fi-ods', frequency: 'daily' },
      linkableByStudentId: true,
      coverage: { grades: [...GRADES], years: YEARS },
      privacy: 'sensitive-pii',
      provides: provisions(random, 'warehouse', elements, {
        grades: [...GRADES],
        years: YEARS,
      }),
      // Each member SIS sends what the warehouse keeps of it.
      fedBy: memberSis.map(sis =>
        feed(
          sis,
          providedNames(sis).filter(e => held.has(e)),
        ),
      ),
    },
  };
}

function sourceCountFor(
  random: SeededRandom,
  option: number | [number, number],
): number {
  return typeof option === 'number' ? option : random.int(option[0], option[1]);
}

/**
 * Generates a valid region of the given size, the same one for the same
 * options: BOCES and district groups with their data teams, the shared
 * vocabulary, indicators, each district's sources and each BOCES's regional
 * warehouse. Every entity passes `validateCatalogSet`.
 */
export function generateRegion(options: GenerateRegionOptions = {}): Entity[] {
  const {
    seed = 1,
    bocesCount = 37,
    districtCount = 770,
    sourcesPerDistrict = 20,
    elementCount = 150,
    indicatorCount = 200,
  } = options;
  const [minSources, maxSources] =
    typeof sourcesPerDistrict === 'number'
      ? [sourcesPerDistrict, sourcesPerDistrict]
      : sourcesPerDistrict;
  // A district needs its SIS and Level 0 extract; the vocabulary needs the
  // identifier, grade level and the eight subgroups, and some more.
  if (
    bocesCount < 1 ||
    minSources < 2 ||
    maxSources < minSources ||
    elementCount < 20
  ) {
    throw new RangeError(
      'generateRegion needs at least 1 BOCES, 2 sources per district and 20 elements',
    );
  }
  const random = seededRandom(seed);
  const nameOf = namer();
  const entities: Entity[] = [];

  const boces = Array.from({ length: bocesCount }, () => {
    const name = nameOf(
      `${random.pick(PLACE_WORDS)}-${random.pick(PLACE_KINDS)}-boces`,
    );
    const team = `${name}-data-services`;
    entities.push(
      group(
        name,
        'boces',
        titleCase(name).replace(/Boces$/, 'BOCES'),
        undefined,
        team,
      ),
      group(team, 'team', `${titleCase(name)} Data Services`, name),
    );
    return { name, team, sis: [] as DataSourceEntityV1alpha1[] };
  });

  // The first BOCES keeps the vocabulary, as a regional data team would.
  const vocabularyOwner = `group:${boces[0].team}`;
  const vocabulary = generateVocabulary(random, elementCount, vocabularyOwner);
  entities.push(...vocabulary.elements);
  entities.push(
    ...generateIndicators(random, indicatorCount, vocabulary, vocabularyOwner),
  );

  for (let d = 0; d < districtCount; d++) {
    const region = boces[d % bocesCount];
    const place = random.chance(0.3)
      ? `${random.pick(PLACE_PREFIXES)}-${random.pick(PLACE_WORDS)}`
      : random.pick(PLACE_WORDS);
    const name = nameOf(`${place}-${random.pick(PLACE_KINDS)}`);
    const team = `${name}-data-team`;
    const title = titleCase(name);
    entities.push(
      group(
        name,
        'district',
        `${title} Central School District`,
        region.name,
        team,
      ),
      group(team, 'team', `${title} District Data Team`, name),
    );
    const sources = generateDistrictSources(
      random,
      {
        district: name,
        title,
        owner: team,
        grades: random.chance(0.5) ? [...GRADES] : gradeRange('K', '12'),
        sourceCount: sourceCountFor(random, sourcesPerDistrict),
      },
      vocabulary,
    );
    region.sis.push(sources[0]);
    entities.push(...sources);
  }

  for (const region of boces) {
    entities.push(
      generateWarehouse(
        random,
        region.name,
        region.team,
        region.sis,
        vocabulary,
      ),
    );
  }
  return entities;
}
