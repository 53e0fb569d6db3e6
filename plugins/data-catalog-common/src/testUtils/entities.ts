import { Entity } from '@backstage/catalog-model';
import { DATA_CATALOG_API_VERSION } from '../vocabulary';

// Small, valid entities of each kind; tests break them one field at a time.

export function dataSource(name: string, spec: object = {}): Entity {
  return {
    apiVersion: DATA_CATALOG_API_VERSION,
    kind: 'DataSource',
    metadata: { name },
    spec: {
      type: 'sis',
      category: 'administrative',
      lifecycle: 'production',
      owner: 'group:alder-creek-it',
      steward: 'user:ada-quill',
      district: 'group:alder-creek',
      vendor: 'Example SIS Co',
      access: { method: 'export', frequency: 'daily' },
      linkableByStudentId: true,
      coverage: { grades: ['K', '1', '2'], years: ['2023-24'] },
      privacy: 'pii',
      provides: [
        { element: 'dataelement:daily-attendance', field: 'ATT_CODE' },
        {
          element: 'disability-status',
          field: 'IEP_FLAG',
          status: 'partial',
          coverage: { grades: ['K'] },
        },
      ],
      ...spec,
    },
  };
}

export function dataElement(name: string, spec: object = {}): Entity {
  return {
    apiVersion: DATA_CATALOG_API_VERSION,
    kind: 'DataElement',
    metadata: { name },
    spec: {
      owner: 'group:northlake-data-services',
      definition: 'Whether the student was present for the school day.',
      domain: 'attendance',
      grain: 'student-day',
      valueType: 'code',
      privacy: 'pii',
      ceds: { id: '000076', name: 'Attendance Status' },
      ...spec,
    },
  };
}

export function indicator(name: string, spec: object = {}): Entity {
  return {
    apiVersion: DATA_CATALOG_API_VERSION,
    kind: 'Indicator',
    metadata: { name },
    spec: {
      owner: 'group:northlake-data-services',
      stage: 'outcomes',
      construct: 'engagement',
      definition: 'Share of students missing 10% or more of school days.',
      calculation: 'Students absent 10% or more of enrolled days / students.',
      requires: ['dataelement:daily-attendance'],
      disaggregateBy: ['dataelement:disability-status'],
      ...spec,
    },
  };
}

export function group(name: string, type: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type, children: [], ...(parent ? { parent } : {}) },
  };
}

export function user(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf: [] },
  };
}

/** Everything the fixtures above refer to, so that no reference dangles. */
export function referencedEntities(): Entity[] {
  return [
    group('northlake-boces', 'boces'),
    group('alder-creek', 'district', 'northlake-boces'),
    group('alder-creek-it', 'team', 'alder-creek'),
    group('northlake-data-services', 'team', 'northlake-boces'),
    user('ada-quill'),
    dataElement('daily-attendance'),
    dataElement('disability-status', {
      domain: 'program',
      grain: 'student-year',
      valueType: 'boolean',
      subgroup: true,
    }),
  ];
}
