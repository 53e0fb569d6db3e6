import {
  ACCESS_FREQUENCIES,
  ACCESS_METHODS,
  DATA_SOURCE_CATEGORIES,
  DATA_SOURCE_KIND,
  DATA_SOURCE_LIFECYCLES,
  DATA_SOURCE_TYPES,
  ELEMENT_STATUSES,
} from '../vocabulary';
import {
  JsonSchema,
  entityRef,
  envelope,
  grades,
  privacy,
  text,
  years,
} from './common';

/** JSON schema of the DataSource kind. */
export const dataSourceSchema: JsonSchema = envelope(DATA_SOURCE_KIND, {
  description: 'A system or file that holds student data in one district.',
  type: 'object',
  additionalProperties: false,
  required: [
    'type',
    'category',
    'lifecycle',
    'owner',
    'district',
    'access',
    'linkableByStudentId',
    'coverage',
    'privacy',
  ],
  properties: {
    type: {
      description: 'What kind of system this is.',
      enum: [...DATA_SOURCE_TYPES],
    },
    category: {
      description: 'The category used by the district workbooks.',
      enum: [...DATA_SOURCE_CATEGORIES],
    },
    lifecycle: {
      description: 'Whether the source is planned, in use, or on its way out.',
      enum: [...DATA_SOURCE_LIFECYCLES],
    },
    owner: entityRef('The group or user who owns the system.'),
    steward: entityRef('The user or group who keeps its data described.'),
    district: entityRef('The district group (or the BOCES) it belongs to.'),
    vendor: text('The company that supplies the system.'),
    product: text('The product name and, where it matters, its edition.'),
    access: {
      description: 'How data can be got out of the source.',
      type: 'object',
      additionalProperties: false,
      required: ['method', 'frequency'],
      properties: {
        method: {
          description: 'The way data leave the source.',
          enum: [...ACCESS_METHODS],
        },
        frequency: {
          description: 'How often data can be taken out.',
          enum: [...ACCESS_FREQUENCIES],
        },
        note: text('Anything a data team must know to get the data.'),
      },
    },
    linkableByStudentId: {
      description:
        'Whether records carry the district student ID, so they can be joined.',
      type: 'boolean',
    },
    coverage: {
      description: 'The grades and school years the source holds data for.',
      type: 'object',
      additionalProperties: false,
      required: ['grades', 'years'],
      properties: {
        grades: grades('Grade levels with data in this source.'),
        years: years('School years with data in this source.'),
      },
    },
    privacy: privacy('How sensitive the records in the source are.'),
    provides: {
      description: 'The data elements the source holds.',
      type: 'array',
      items: {
        description: 'One data element as this source holds it.',
        type: 'object',
        additionalProperties: false,
        required: ['element', 'field'],
        properties: {
          element: entityRef('The DataElement this field carries.'),
          field: text("The source's own field or column name."),
          status: {
            description:
              'Whether the element is usable here; available when left out.',
            enum: [...ELEMENT_STATUSES],
          },
          coverage: {
            description: "Narrows the source's coverage for this element.",
            type: 'object',
            additionalProperties: false,
            properties: {
              grades: grades('Grade levels with this element.'),
              years: years('School years with this element.'),
            },
          },
          note: text('What a reader should know about this element here.'),
        },
      },
    },
    fedBy: {
      description: 'Upstream sources this one receives data from.',
      type: 'array',
      items: {
        description: 'One upstream feed.',
        type: 'object',
        additionalProperties: false,
        required: ['source'],
        properties: {
          source: entityRef('The upstream DataSource.'),
          elements: {
            description: 'The elements that flow along this feed, if known.',
            type: 'array',
            uniqueItems: true,
            items: entityRef('A DataElement carried by the feed.'),
          },
          note: text('How or when the feed runs.'),
        },
      },
    },
  },
});
