import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DataCatalogApi } from './DataCatalogApi';

const enc = encodeURIComponent;

function entityPath(ref: string): string {
  const { namespace, name } = parseEntityRef(ref);
  return `${enc(namespace)}/${enc(name)}`;
}

/**
 * Talks to the data catalog backend. Failures become `ResponseError`s that
 * carry the backend's message and status (409 for a stale write, 403 with
 * who may write), for the pages to show.
 */
export class DataCatalogClient implements DataCatalogApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listDistricts() {
    return this.request('/districts');
  }

  getDistrictGaps(district: string) {
    return this.request(`/districts/${enc(district)}/gaps?detail=summary`);
  }

  async getDistrictIndicatorGaps(district: string, indicator: string) {
    const body = await this.request(
      `/districts/${enc(district)}/gaps/${enc(indicator)}`,
    );
    return body.result;
  }

  getIndicatorAvailability(indicator: string) {
    return this.request(`/indicators/${enc(indicator)}/availability`);
  }

  getRegionMatrix() {
    return this.request('/region/matrix');
  }

  getLineage(
    entityRef: string,
    options: { direction: string; depth: number; limit: number },
  ) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const query = new URLSearchParams({
      direction: options.direction,
      depth: String(options.depth),
      limit: String(options.limit),
    });
    return this.request(
      `/lineage/${enc(kind.toLocaleLowerCase('en-US'))}/${enc(namespace)}/${enc(
        name,
      )}?${query}`,
    );
  }

  getProgress(district: string) {
    return this.request(`/districts/${enc(district)}/progress`);
  }

  async getStatusChanges(indicator: string, district?: string) {
    const query = district ? `?${new URLSearchParams({ district })}` : '';
    const body = await this.request(
      `/indicators/${enc(indicator)}/status-changes${query}`,
    );
    return body.items;
  }

  compareElements(filter: { domain?: string; subgroup?: boolean } = {}) {
    const query = new URLSearchParams();
    if (filter.domain) query.set('domain', filter.domain);
    if (filter.subgroup !== undefined) {
      query.set('subgroup', String(filter.subgroup));
    }
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(`/elements/comparison${suffix}`);
  }

  getSourceAnnotation(sourceRef: string) {
    return this.request(`/annotations/sources/${entityPath(sourceRef)}`);
  }

  putSourceAnnotation(sourceRef: string, write: object) {
    return this.request(`/annotations/sources/${entityPath(sourceRef)}`, {
      method: 'PUT',
      body: write,
    });
  }

  getIndicatorAnnotation(indicatorRef: string, district: string) {
    return this.request(
      `/annotations/indicators/${entityPath(indicatorRef)}/districts/${enc(
        district,
      )}`,
    );
  }

  putIndicatorAnnotation(
    indicatorRef: string,
    district: string,
    write: object,
  ) {
    return this.request(
      `/annotations/indicators/${entityPath(indicatorRef)}/districts/${enc(
        district,
      )}`,
      { method: 'PUT', body: write },
    );
  }

  async listActionItems(district: string) {
    const body = await this.request(`/districts/${enc(district)}/actions`);
    return body.items;
  }

  createActionItem(district: string, item: object) {
    return this.request(`/districts/${enc(district)}/actions`, {
      method: 'POST',
      body: item,
    });
  }

  updateActionItem(id: string, change: object) {
    return this.request(`/actions/${enc(id)}`, {
      method: 'PATCH',
      body: change,
    });
  }

  async listHistory(filter: Record<string, string | number | undefined>) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined) query.set(key, String(value));
    }
    const body = await this.request(`/history?${query}`);
    return body.items;
  }

  getWriteAccess(subject: string) {
    return this.request(`/write-access?${new URLSearchParams({ subject })}`);
  }

  async getWorkbook(district?: string) {
    const path = district
      ? `/districts/${encodeURIComponent(district)}/workbook`
      : '/region/workbook';
    const baseUrl = await this.discoveryApi.getBaseUrl('data-catalog');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // A cross-origin app (the local set-up) cannot read the header, since
    // CORS hides it; the name is then made the way the backend makes it.
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const day = new Date().toISOString().slice(0, 10);
    const fileName =
      /filename="([^"]+)"/.exec(disposition)?.[1] ??
      `data-catalog-${district ?? 'region'}-${day}.xlsx`;
    return { blob: await response.blob(), fileName };
  }

  private async request(
    path: string,
    init: { method?: string; body?: object } = {},
  ): Promise<any> {
    const baseUrl = await this.discoveryApi.getBaseUrl('data-catalog');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
