import { ResponseError } from '@backstage/errors';
import { DataCatalogApi, District, DistrictList } from '../../api';

/*
 * Fixtures shared by the tests of the district pages: two member districts
 * of a BOCES, one with a long title.
 */

export const boces: District = {
  ref: 'group:default/wayne-finger-lakes-boces',
  name: 'wayne-finger-lakes-boces',
  title: 'Wayne-Finger Lakes BOCES',
  type: 'boces',
};

export const gananda: District = {
  ref: 'group:default/gananda',
  name: 'gananda',
  title: 'Gananda Central School District',
  type: 'district',
  parent: boces.ref,
  dataTeam: 'group:default/gananda-data-team',
};

export const sodus: District = {
  ref: 'group:default/sodus',
  name: 'sodus',
  title:
    'Sodus Central School District with its Regional Career and Technical Education Partnership Programs',
  type: 'district',
  parent: boces.ref,
  dataTeam: 'group:default/sodus-data-team',
};

/** The districts answer, read `minutesAgo` minutes before now. */
export function districtList(minutesAgo = 2): DistrictList {
  return {
    refreshedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    items: [boces, sodus, gananda],
  };
}

/**
 * A data catalog API whose every method fails until a test says what it
 * answers, so that a call a test did not expect shows up as an error.
 */
export function mockDataCatalogApi(): jest.Mocked<DataCatalogApi> {
  const unexpected = (method: string) =>
    jest.fn(() => Promise.reject(new Error(`Unexpected call of ${method}`)));
  return {
    listDistricts: unexpected('listDistricts'),
    getDistrictGaps: unexpected('getDistrictGaps'),
    getDistrictIndicatorGaps: unexpected('getDistrictIndicatorGaps'),
    getIndicatorAvailability: unexpected('getIndicatorAvailability'),
    getRegionMatrix: unexpected('getRegionMatrix'),
    getLineage: unexpected('getLineage'),
    getProgress: unexpected('getProgress'),
    getStatusChanges: unexpected('getStatusChanges'),
    compareElements: unexpected('compareElements'),
    getSourceAnnotation: unexpected('getSourceAnnotation'),
    putSourceAnnotation: unexpected('putSourceAnnotation'),
    getIndicatorAnnotation: unexpected('getIndicatorAnnotation'),
    putIndicatorAnnotation: unexpected('putIndicatorAnnotation'),
    listActionItems: unexpected('listActionItems'),
    createActionItem: unexpected('createActionItem'),
    updateActionItem: unexpected('updateActionItem'),
    listHistory: unexpected('listHistory'),
    getWriteAccess: unexpected('getWriteAccess'),
  } as unknown as jest.Mocked<DataCatalogApi>;
}

/** The error the client throws for a failed request, as the backend words it. */
export async function responseError(
  status: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'PATCH', url: '/api/data-catalog/actions/1' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    url: 'http://localhost/api/data-catalog',
    type: 'basic',
    redirected: false,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}
