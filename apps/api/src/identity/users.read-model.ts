import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import type { UserDto } from '@laget/contracts';
import { isRole, type Role } from '@laget/permissions';
import { READ_DB } from '../platform/platform.tokens.js';
import type { Page, PageRequest } from './queries/page.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  organisation_id: string | null;
  roles: unknown;
  active: boolean;
  must_change_password: boolean;
  version: number | string;
}

export interface UserRecord extends UserDto {
  roles: Role[];
}

export const toRecord = (row: UserRow): UserRecord => {
  const roles = (typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles) as unknown[];
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    organisationId: row.organisation_id,
    roles: roles.filter(isRole),
    active: row.active,
    mustChangePassword: row.must_change_password,
    version: Number(row.version),
  };
};

export interface UserFilter {
  organisationId?: string;
  role?: Role;
  active?: boolean;
  /** Only these ids (what the caller may see when it may not see everyone). */
  onlyIds?: string[];
}

/** `?sort=` → column; a Map, so `constructor` or `__proto__` are unknown keys, never ORDER BY text. */
const SORTABLE: ReadonlyMap<string, string> = new Map([
  ['username', 'username'],
  ['displayName', 'display_name'],
  ['organisationId', 'organisation_id'],
  ['active', 'active'],
  ['id', 'id'],
]);

@Injectable()
export class UsersReadModel {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async get(id: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM identity_users WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async byUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM identity_users WHERE username = $1', [
      username,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The logins of an organisation, active or not (whose access ends when it is deactivated). */
  async idsInOrganisation(organisationId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM identity_users WHERE organisation_id = $1',
      [organisationId],
    );
    return rows.map((row) => row.id);
  }

  async anyActiveAdmin(): Promise<boolean> {
    const { rows } = await this.db.query(
      `SELECT 1 FROM identity_users WHERE active AND roles @> '["admin"]'::jsonb LIMIT 1`,
    );
    return rows.length > 0;
  }

  async list(filter: UserFilter, page: PageRequest): Promise<Page<UserRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.organisationId !== undefined)
      where.push(`organisation_id = $${params.push(filter.organisationId)}`);
    if (filter.role !== undefined)
      where.push(`roles @> $${params.push(JSON.stringify([filter.role]))}::jsonb`);
    if (filter.active !== undefined) where.push(`active = $${params.push(filter.active)}`);
    if (filter.onlyIds !== undefined) where.push(`id = ANY($${params.push(filter.onlyIds)}::text[])`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const column = SORTABLE.get(page.sort ?? 'username') ?? 'username';
    const order = page.order === 'DESC' ? 'DESC' : 'ASC';
    const total = await this.db.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM identity_users ${clause}`,
      params,
    );
    const { rows } = await this.db.query<UserRow>(
      `SELECT * FROM identity_users ${clause} ORDER BY ${column} ${order}, id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toRecord), total: Number(total.rows[0]?.n ?? 0) };
  }
}
