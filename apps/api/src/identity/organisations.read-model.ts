import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import type { OrganisationDto, OrganisationKind } from '@laget/contracts';
import { READ_DB } from '../platform/platform.tokens.js';
import type { Page, PageRequest } from './queries/page.js';

interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  version: number | string;
  created_at: Date | string | null;
}

const toDto = (row: OrganisationRow): OrganisationDto => ({
  id: row.id,
  name: row.name,
  kind: row.kind as OrganisationKind,
  active: row.active,
  version: Number(row.version),
  createdAt: row.created_at === null ? null : new Date(row.created_at).toISOString(),
});

export interface OrganisationFilter {
  active?: boolean;
  kind?: OrganisationKind;
}

/** `?sort=` → column; a Map, so `constructor` or `__proto__` are unknown keys, never ORDER BY text. */
const SORTABLE: ReadonlyMap<string, string> = new Map([
  ['name', 'name'],
  ['kind', 'kind'],
  ['active', 'active'],
  ['id', 'id'],
  ['createdAt', 'created_at'],
]);

/**
 * Organisations as every module may read them: the reporting module looks them up here
 * (exported from the identity module), e.g. to check that a report's organisation exists and is active.
 */
@Injectable()
export class OrganisationsReadModel {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async get(id: string): Promise<OrganisationDto | null> {
    const { rows } = await this.db.query<OrganisationRow>(
      'SELECT * FROM identity_organisations WHERE id = $1',
      [id],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  /** All organisations in name order (a municipality has tens, not thousands). */
  async all(filter: OrganisationFilter = {}): Promise<OrganisationDto[]> {
    return (await this.list(filter, { offset: 0, limit: 10_000 })).items;
  }

  async list(filter: OrganisationFilter, page: PageRequest): Promise<Page<OrganisationDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.active !== undefined) where.push(`active = $${params.push(filter.active)}`);
    if (filter.kind !== undefined) where.push(`kind = $${params.push(filter.kind)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const column = SORTABLE.get(page.sort ?? 'name') ?? 'name';
    const order = page.order === 'DESC' ? 'DESC' : 'ASC';
    const total = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM identity_organisations ${clause}`,
      params,
    );
    const { rows } = await this.db.query<OrganisationRow>(
      `SELECT * FROM identity_organisations ${clause} ORDER BY ${column} ${order}, id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toDto), total: Number(total.rows[0]?.n ?? 0) };
  }
}
