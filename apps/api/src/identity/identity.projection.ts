import { type SqlExecutor, addColumnIfMissing } from '@laget/event-store';
import type { DomainEvent } from '../platform/domain/decider.js';
import { defineProjection } from '../platform/projections/projection.js';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from './organisation.decider.js';
import { USER_EVENT_TYPES, type UserEvent } from './user.decider.js';
import { storable } from '../platform/storable-text.js';

export const IDENTITY_READ_MODEL_DDL = [
  `CREATE TABLE IF NOT EXISTS identity_organisations (
     id text PRIMARY KEY,
     name text NOT NULL,
     kind text NOT NULL,
     active boolean NOT NULL,
     version integer NOT NULL,
     created_at timestamptz
   )`,
  `CREATE TABLE IF NOT EXISTS identity_users (
     id text PRIMARY KEY,
     username text NOT NULL UNIQUE,
     display_name text NOT NULL,
     email text,
     organisation_id text,
     roles jsonb NOT NULL,
     active boolean NOT NULL,
     must_change_password boolean NOT NULL,
     version integer NOT NULL
   )`,
];

/**
 * Creates the read model's tables and adds what later versions added to tables made before them
 * (`created_at`, projection version 2). Through addColumnIfMissing: ALTER TABLE … IF NOT EXISTS
 * would lock the table at every start even where the column is there.
 */
export async function createIdentityReadModel(sql: SqlExecutor): Promise<void> {
  for (const statement of IDENTITY_READ_MODEL_DDL) await sql.query(statement);
  await addColumnIfMissing(sql, 'identity_organisations', 'created_at', 'timestamptz');
}

export type IdentityEvent = OrganisationEvent | UserEvent;

/** What the handler needs of a recorded event; the command side passes the events it just appended. */
export interface VersionedEvent {
  type: string;
  data: unknown;
  streamVersion: number;
  /**
   * The metadata's `occurredAt`: when the application recorded the fact, by its clock (the clock
   * compliance measures deadlines with, so a test's fixed clock registers organisations "then").
   * The command side passes the time it appended with, the projection the one it reads, so a
   * rebuild from zero writes the same `created_at`.
   */
  occurredAt?: string;
}

/**
 * Applies one organisation or user event to the read model. Every statement is guarded by the
 * stream version, so applying an event twice changes nothing: the command side applies its own
 * events at once (logins must see a new password or role at the next request), and the
 * projection runner may apply the same events again when it rebuilds or catches up.
 */
// Inserts say ON CONFLICT DO NOTHING without a target: with `(id)` as the only arbiter, a second
// writer of the same row that raced past the id check then failed on the username index with a
// unique violation (a 500 on user creation under load). The username itself is reserved by its
// own stream before a user is created, so no other row can legitimately hold it.
export async function applyIdentityEvent(sql: SqlExecutor, recorded: VersionedEvent): Promise<void> {
  // The command side calls this too, with the events it has just appended.
  const event = storable(recorded) as unknown as IdentityEvent;
  const v = recorded.streamVersion;
  switch (event.type) {
    case 'OrganisationRegistered':
      await sql.query(
        `INSERT INTO identity_organisations (id, name, kind, active, version, created_at)
         VALUES ($1, $2, $3, true, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [event.data.organisationId, event.data.name, event.data.kind, v, recorded.occurredAt ?? null],
      );
      return;
    case 'OrganisationRenamed':
      return organisationUpdate(sql, event.data.organisationId, v, 'name = $3', [event.data.name]);
    case 'OrganisationKindChanged':
      return organisationUpdate(sql, event.data.organisationId, v, 'kind = $3', [event.data.kind]);
    case 'OrganisationDeactivated':
      return organisationUpdate(sql, event.data.organisationId, v, 'active = false', []);
    case 'OrganisationReactivated':
      return organisationUpdate(sql, event.data.organisationId, v, 'active = true', []);
    case 'UserCreated':
      await sql.query(
        `INSERT INTO identity_users
           (id, username, display_name, email, organisation_id, roles, active, must_change_password, version)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, true, true, $7)
         ON CONFLICT DO NOTHING`,
        [
          event.data.userId,
          event.data.username,
          event.data.displayName,
          event.data.email,
          event.data.organisationId,
          JSON.stringify(event.data.roles),
          v,
        ],
      );
      return;
    case 'UserDetailsChanged': {
      const { displayName, email, organisationId } = event.data.changes;
      const sets: string[] = [];
      const values: unknown[] = [];
      const add = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length + 2}`);
      };
      if (displayName) add('display_name', displayName.after);
      if (email) add('email', email.after);
      if (organisationId) add('organisation_id', organisationId.after);
      return userUpdate(sql, event.data.userId, v, sets.join(', ') || 'id = id', values);
    }
    case 'UserRolesChanged':
      return userUpdate(sql, event.data.userId, v, 'roles = $3::jsonb', [JSON.stringify(event.data.roles)]);
    case 'UserDeactivated':
      return userUpdate(sql, event.data.userId, v, 'active = false', []);
    case 'UserReactivated':
      return userUpdate(sql, event.data.userId, v, 'active = true', []);
    case 'OneTimePasswordIssued':
      return userUpdate(sql, event.data.userId, v, 'must_change_password = true', []);
    case 'UserPasswordChanged':
      return userUpdate(sql, event.data.userId, v, 'must_change_password = false', []);
  }
}

async function organisationUpdate(
  sql: SqlExecutor,
  id: string,
  version: number,
  set: string,
  values: unknown[],
) {
  await sql.query(`UPDATE identity_organisations SET ${set}, version = $2 WHERE id = $1 AND version < $2`, [
    id,
    version,
    ...values,
  ]);
}

async function userUpdate(sql: SqlExecutor, id: string, version: number, set: string, values: unknown[]) {
  await sql.query(`UPDATE identity_users SET ${set}, version = $2 WHERE id = $1 AND version < $2`, [
    id,
    version,
    ...values,
  ]);
}

/** The same handler as a projection, so the read model can be rebuilt from the log. */
export const identityProjection = defineProjection<IdentityEvent & DomainEvent>({
  name: 'identity',
  // 2: organisations' `created_at`, from the registration's metadata.
  version: 2,
  eventTypes: [...ORGANISATION_EVENT_TYPES, ...USER_EVENT_TYPES],
  setup: createIdentityReadModel,
  reset: async (sql) => {
    await sql.query('DELETE FROM identity_users');
    await sql.query('DELETE FROM identity_organisations');
  },
  // recordedAt (the store's time) only where an event's metadata lacks occurredAt.
  handle: (event, sql) =>
    applyIdentityEvent(sql, { ...event, occurredAt: event.metadata?.occurredAt ?? event.recordedAt }),
});
