import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_KIND,
  INDICATOR_STAGES,
} from '../vocabulary';
import { JsonSchema, entityRef, envelope, grades, text } from './common';

/** JSON schema of the Indicator kind. */
export const indicatorSchema: JsonSchema = envelope(INDICATOR_KIND, {
  description:
    'A measure of personalized-learning access, participation or outcome.',
  type: 'object',
  additionalProperties: false,
  required: [
    'owner',
    'stage',
    'construct',
    'definition',
    'calculation',
    'requires',
  ],
  properties: {
    owner: entityRef('The group accountable for the indicator.'),
    stage: {
      description: 'Whether it measures access, participation or outcomes.',
      enum: [...INDICATOR_STAGES],
    },
    construct: {
      description: 'The personalized-learning construct it measures.',
      enum: [...INDICATOR_CONSTRUCTS],
    },
    definition: text('What the indicator tells a reader.'),
    calculation: text('How it is computed from its elements.'),
    unit: text('The unit of the result, such as percent of students.'),
    grades: grades('Grades it applies to; every grade when left out.'),
    requires: {
      description: 'The data elements needed to compute it.',
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: entityRef('A required DataElement.'),
    },
    disaggregateBy: {
      description: 'Subgroup elements the result must be broken down by.',
      type: 'array',
      uniqueItems: true,
      items: entityRef('A subgroup DataElement.'),
    },
  },
});
