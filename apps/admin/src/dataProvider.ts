import type { Identifier, RaRecord } from 'react-admin';
import { api } from './http.js';
import { lagesbildDataMethods, type LagesbildDataProvider } from './lagesbilder/lagesbild-data.js';

/**
 * react-admin's data provider for the Läget API (CONTRACT.md, "Lists" and "Optimistic
 * concurrency"): `?page=&perPage=&sort=&order=` with the total in `X-Total-Count`, filters as
 * query parameters, and every change sent with `If-Match: <version>` of the record it started from.
 */
export function listQuery(params: {
  pagination?: { page: number; perPage: number } | false;
  sort?: { field: string; order: string };
  filter?: Record<string, unknown>;
}): string {
  const query = new URLSearchParams();
  if (params.pagination) {
    query.set('page', String(params.pagination.page));
    query.set('perPage', String(params.pagination.perPage));
  }
  if (params.sort?.field) {
    query.set('sort', params.sort.field);
    query.set('order', params.sort.order === 'DESC' ? 'DESC' : 'ASC');
  }
  for (const [key, value] of Object.entries(params.filter ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => query.append(key, String(v)));
    else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The fields a person changed, so a PATCH carries only those and not whole stale records. */
export function changedFields(
  data: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const readOnly = new Set(['id', 'version']);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (readOnly.has(key)) continue;
    if (previous && JSON.stringify(previous[key]) === JSON.stringify(value)) continue;
    changes[key] = value;
  }
  return changes;
}

/** Resources whose endpoints do not sit directly under /api/<name>. */
const resourcePaths: Record<string, string> = { tokens: 'auth/tokens' };

const path = (resource: string, id?: Identifier) =>
  `/api/${resourcePaths[resource] ?? resource}${id === undefined ? '' : `/${encodeURIComponent(String(id))}`}`;

function versionOf(record: unknown): number | undefined {
  const version = (record as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}

async function getOne<T extends RaRecord>(resource: string, id: Identifier, signal?: AbortSignal) {
  const { json } = await api<T>(path(resource, id), { signal });
  return json;
}

/** Where `X-Total-Count` is missing (a plain array answer), the page itself is the total. */
function totalOf(headers: Headers, rows: unknown[]): number {
  const header = headers.get('X-Total-Count');
  return header === null ? rows.length : Number(header);
}

export const dataProvider: LagesbildDataProvider = {
  async getList(resource, params) {
    const { json, headers } = await api<RaRecord[] | { items: RaRecord[] }>(
      path(resource) + listQuery(params),
      { signal: params.signal },
    );
    const rows = Array.isArray(json) ? json : (json?.items ?? []);
    return { data: rows as never[], total: totalOf(headers, rows) };
  },

  async getOne(resource, params) {
    return { data: (await getOne(resource, params.id, params.signal)) as never };
  },

  async getMany(resource, params) {
    const data = await Promise.all(params.ids.map((id) => getOne(resource, id, params.signal)));
    return { data: data as never[] };
  },

  async getManyReference(resource, params) {
    const filter = { ...params.filter, [params.target]: params.id };
    const { json, headers } = await api<RaRecord[]>(path(resource) + listQuery({ ...params, filter }), {
      signal: params.signal,
    });
    return { data: json as never[], total: totalOf(headers, json) };
  },

  async create(resource, params) {
    const { json } = await api<RaRecord>(path(resource), { method: 'POST', body: params.data });
    return { data: { ...params.data, ...json } as never };
  },

  async update(resource, params) {
    const body = changedFields(params.data, params.previousData);
    const { json } = await api<RaRecord | undefined>(path(resource, params.id), {
      method: 'PATCH',
      body,
      ifMatch: versionOf(params.previousData),
    });
    const data = json && typeof json === 'object' ? json : await getOne(resource, params.id);
    return { data: data as never };
  },

  async updateMany(resource, params) {
    await Promise.all(
      params.ids.map((id) => api(path(resource, id), { method: 'PATCH', body: params.data })),
    );
    return { data: params.ids };
  },

  async delete(resource, params) {
    await api(path(resource, params.id), { method: 'DELETE', ifMatch: versionOf(params.previousData) });
    return { data: params.previousData as never };
  },

  async deleteMany(resource, params) {
    await Promise.all(params.ids.map((id) => api(path(resource, id), { method: 'DELETE' })));
    return { data: params.ids };
  },

  // The lägesbild workspace's reads and changes (useLagesbildWorkspace): custom methods, as
  // react-admin recommends for endpoints that are not CRUD on one resource.
  ...lagesbildDataMethods,
};
