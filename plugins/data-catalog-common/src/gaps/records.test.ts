import {
  DataElementEntityV1alpha1,
  DataSourceEntityV1alpha1,
  IndicatorEntityV1alpha1,
} from '../entities';
import { dataElement, dataSource, indicator } from '../testUtils';
import { toElementRecord, toIndicatorRecord, toSourceRecord } from './records';

describe('toSourceRecord', () => {
  it('resolves references and fills in coverage and status', () => {
    const entity = dataSource('Alder-Creek-SIS', {
      district: 'Alder-Creek',
    }) as DataSourceEntityV1alpha1;
    entity.metadata.title = 'Alder Creek PowerSchool SIS';
    entity.spec.provides![0].note = 'Coded A, P, T';

    expect(toSourceRecord(entity)).toEqual({
      ref: 'datasource:default/alder-creek-sis',
      title: 'Alder Creek PowerSchool SIS',
      district: 'group:default/alder-creek',
      type: 'sis',
      lifecycle: 'production',
      vendor: 'Example SIS Co',
      product: undefined,
      accessMethod: 'export',
      linkableByStudentId: true,
      grades: ['K', '1', '2'],
      years: ['2023-24'],
      provides: [
        {
          element: 'dataelement:default/daily-attendance',
          field: 'ATT_CODE',
          status: 'available',
          grades: ['K', '1', '2'],
          years: ['2023-24'],
          note: 'Coded A, P, T',
        },
        {
          element: 'dataelement:default/disability-status',
          field: 'IEP_FLAG',
          status: 'partial',
          grades: ['K'],
          years: ['2023-24'],
        },
      ],
    });
  });

  it("resolves references in the entity's own namespace", () => {
    const entity = dataSource('sis', {
      provides: [{ element: 'Daily-Attendance', field: 'ATT' }],
    }) as DataSourceEntityV1alpha1;
    entity.metadata.namespace = 'Finger-Lakes';

    const record = toSourceRecord(entity);
    expect(record.ref).toBe('datasource:finger-lakes/sis');
    expect(record.district).toBe('group:finger-lakes/alder-creek');
    expect(record.provides[0].element).toBe(
      'dataelement:finger-lakes/daily-attendance',
    );
    expect(record.title).toBe('sis');
  });
});

describe('toElementRecord', () => {
  it('takes the title, or the name, and the subgroup flag', () => {
    const plain = dataElement('daily-attendance') as DataElementEntityV1alpha1;
    const subgroup = dataElement('disability-status', {
      subgroup: true,
    }) as DataElementEntityV1alpha1;
    subgroup.metadata.title = 'Students with disabilities';

    expect([toElementRecord(plain), toElementRecord(subgroup)]).toEqual([
      {
        ref: 'dataelement:default/daily-attendance',
        title: 'daily-attendance',
        subgroup: false,
      },
      {
        ref: 'dataelement:default/disability-status',
        title: 'Students with disabilities',
        subgroup: true,
      },
    ]);
  });
});

describe('toIndicatorRecord', () => {
  it('resolves element references and defaults grades and subgroups', () => {
    const entity = indicator('chronic-absenteeism', {
      requires: ['daily-attendance', 'DataElement:default/Days-Absent'],
      disaggregateBy: undefined,
    }) as IndicatorEntityV1alpha1;
    expect(toIndicatorRecord(entity)).toEqual({
      ref: 'indicator:default/chronic-absenteeism',
      title: 'chronic-absenteeism',
      stage: 'outcomes',
      construct: 'engagement',
      grades: [],
      requires: [
        'dataelement:default/daily-attendance',
        'dataelement:default/days-absent',
      ],
      disaggregateBy: [],
    });
  });

  it('keeps the grades an indicator names', () => {
    const entity = indicator('regents-pass-rate', {
      grades: ['9', '10'],
    }) as IndicatorEntityV1alpha1;
    expect(toIndicatorRecord(entity).grades).toEqual(['9', '10']);
  });
});
