import {
  DATA_ELEMENT_KIND,
  ELEMENT_DOMAINS,
  ELEMENT_GRAINS,
  ELEMENT_VALUE_TYPES,
} from '../vocabulary';
import { JsonSchema, entityRef, envelope, privacy, text } from './common';

/** JSON schema of the DataElement kind. */
export const dataElementSchema: JsonSchema = envelope(DATA_ELEMENT_KIND, {
  description: 'One entry of the shared vocabulary of student data.',
  type: 'object',
  additionalProperties: false,
  required: ['owner', 'definition', 'domain', 'grain', 'valueType', 'privacy'],
  properties: {
    owner: entityRef('The group that maintains this definition.'),
    definition: text('What the element means, in one or two sentences.'),
    domain: {
      description: 'The area of student data the element belongs to.',
      enum: [...ELEMENT_DOMAINS],
    },
    grain: {
      description: 'The level at which one value is recorded.',
      enum: [...ELEMENT_GRAINS],
    },
    valueType: {
      description: 'The type of one value.',
      enum: [...ELEMENT_VALUE_TYPES],
    },
    privacy: privacy('How sensitive the values are.'),
    subgroup: {
      description:
        'True when indicators are disaggregated by this element, as for IEP status.',
      type: 'boolean',
    },
    codes: {
      description: 'The allowed values of a coded element.',
      type: 'array',
      uniqueItems: true,
      items: text('One allowed value.'),
    },
    ceds: {
      description: 'The matching Common Education Data Standards element.',
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: {
          description: 'The CEDS global element ID, six digits such as 000255.',
          type: 'string',
          pattern: '^[0-9]{6}$',
        },
        name: text('The CEDS element name.'),
      },
    },
    edFi: {
      description: 'Where the element lives in the Ed-Fi data standard.',
      type: 'object',
      additionalProperties: false,
      required: ['resource'],
      properties: {
        resource: text(
          'The Ed-Fi resource, such as studentSchoolAssociations.',
        ),
        property: text('The property on that resource.'),
        descriptor: text('The Ed-Fi descriptor that codes the values.'),
      },
    },
  },
});
