/** Who a route lets in, besides requiring credentials at all. */
export type RouteAccess =
  /** Any signed-in user and any backend service. */
  | 'read'
  /** Only a signed-in user whom the permission policy lets write. */
  | 'write';

/** One call of a data-catalog route, made the same way by every check. */
export interface RouteCall {
  /** The operation as the OpenAPI document names it: method and path. */
  operation: string;
  method: 'get' | 'put' | 'post' | 'patch';
  /**
   * The concrete path, under /api/data-catalog. `{action}` stands for an
   * action item the test creates first, as its id is not known before.
   */
  path: string;
  query?: Record<string, string>;
  /**
   * A body the route accepts, so that only the permission check can turn
   * a write away, not its validation.
   */
  body?: object;
  access: RouteAccess;
}

const DISTRICT = 'alder-creek';
const SOURCE = 'default/alder-creek-sis';
const INDICATOR = 'competencies-mastered-per-term';

const read = (
  operation: string,
  path: string,
  query?: Record<string, string>,
): RouteCall => ({
  operation: `get ${operation}`,
  method: 'get',
  path,
  query,
  access: 'read',
});

/**
 * Every route of the data-catalog backend, each with arguments that name
 * something in the demo region.
 */
export const dataCatalogRoutes: RouteCall[] = [
  read('/openapi.json', '/openapi.json'),
  read('/districts', '/districts'),
  read('/districts/{district}/gaps', `/districts/${DISTRICT}/gaps`),
  read(
    '/districts/{district}/gaps/{indicator}',
    `/districts/${DISTRICT}/gaps/${INDICATOR}`,
  ),
  read('/districts/{district}/progress', `/districts/${DISTRICT}/progress`),
  read(
    '/districts/{district}/annotations',
    `/districts/${DISTRICT}/annotations`,
  ),
  read('/districts/{district}/actions', `/districts/${DISTRICT}/actions`),
  read(
    '/indicators/{indicator}/availability',
    `/indicators/${INDICATOR}/availability`,
  ),
  read(
    '/indicators/{indicator}/status-changes',
    `/indicators/${INDICATOR}/status-changes`,
    { district: DISTRICT },
  ),
  read('/region/matrix', '/region/matrix'),
  read('/districts/{district}/workbook', `/districts/${DISTRICT}/workbook`),
  read('/region/workbook', '/region/workbook'),
  read('/elements/comparison', '/elements/comparison'),
  read('/lineage/{kind}/{namespace}/{name}', `/lineage/datasource/${SOURCE}`),
  read(
    '/annotations/sources/{namespace}/{name}',
    `/annotations/sources/${SOURCE}`,
  ),
  read(
    '/annotations/indicators/{namespace}/{name}/districts/{district}',
    `/annotations/indicators/default/${INDICATOR}/districts/${DISTRICT}`,
  ),
  read('/actions/{id}', '/actions/{action}'),
  read('/history', '/history', { district: DISTRICT }),
  read('/write-access', '/write-access', {
    subject: `datasource:${SOURCE}`,
  }),
  {
    operation: 'put /annotations/sources/{namespace}/{name}',
    method: 'put',
    path: `/annotations/sources/${SOURCE}`,
    body: { version: 0, notes: 'Checked by the route access test' },
    access: 'write',
  },
  {
    operation:
      'put /annotations/indicators/{namespace}/{name}/districts/{district}',
    method: 'put',
    path: `/annotations/indicators/default/${INDICATOR}/districts/${DISTRICT}`,
    body: { version: 0, notes: 'Checked by the route access test' },
    access: 'write',
  },
  {
    operation: 'post /districts/{district}/actions',
    method: 'post',
    path: `/districts/${DISTRICT}/actions`,
    body: newActionItem(),
    access: 'write',
  },
  {
    operation: 'patch /actions/{id}',
    method: 'patch',
    path: '/actions/{action}',
    body: { version: 1, status: 'in-progress' },
    access: 'write',
  },
];

/** An action item of Alder Creek that its data team may create. */
export function newActionItem() {
  return {
    indicator: INDICATOR,
    step: 'Ask the vendor for a student-level export',
    owner: 'user:default/ada',
    dueDate: '2027-01-31',
  };
}
