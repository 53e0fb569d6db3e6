import {
  IndicatorConstruct,
  IndicatorStage,
} from '@internal/plugin-data-catalog-common';

/** Each stage with the question it answers. */
export const STAGE_LABELS: Record<IndicatorStage, string> = {
  access: 'Access: did students have the opportunity?',
  participation: 'Participation: did they use it?',
  outcomes: 'Outcomes: what changed?',
};

/** Each personalized-learning construct by name. */
export const CONSTRUCT_LABELS: Record<IndicatorConstruct, string> = {
  'learner-profiles': 'Learner profiles',
  'personal-learning-paths': 'Personal learning paths',
  'competency-based-progression': 'Competency-based progression',
  'flexible-learning-environments': 'Flexible learning environments',
  'student-agency': 'Student agency',
  engagement: 'Engagement',
};
