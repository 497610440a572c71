import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { Clock } from '../platform/commands/clock.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { IdentitySettings } from './identity.settings.js';
import { randomSecret, sha256 } from './secrets.js';
import { toRecord, type UserRecord, type UserRow } from './users.read-model.js';

export interface Session {
  idHash: string;
  userId: string;
  csrfToken: string;
}

/** How often at most a session's last-seen time is written: idle expiry is coarse, reads stay cheap. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions in the read store, so that every API instance sees them and logout,
 * deactivation and password changes end them at once. Idle expiry from the last request,
 * absolute expiry from login.
 */
@Injectable()
export class SessionsStore {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly settings: IdentitySettings,
  ) {}

  /** Returns the cookie value (shown once, stored only hashed) and the session. */
  async create(userId: string, ip: string | undefined): Promise<{ cookieValue: string; session: Session }> {
    const cookieValue = randomSecret();
    const session = { idHash: sha256(cookieValue), userId, csrfToken: randomSecret() };
    const now = this.clock.now();
    // Sessions are removed when presented after expiry; those never presented again go here, per login.
    await this.db.query(
      'DELETE FROM identity_sessions WHERE user_id = $1 AND (absolute_expires_at <= $2 OR last_seen_at <= $3)',
      [userId, now.toISOString(), new Date(now.getTime() - this.settings.sessionIdleMs).toISOString()],
    );
    await this.db.query(
      `INSERT INTO identity_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, absolute_expires_at, ip)
       VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [
        session.idHash,
        userId,
        session.csrfToken,
        now.toISOString(),
        new Date(now.getTime() + this.settings.sessionAbsoluteMs).toISOString(),
        ip ?? null,
      ],
    );
    return { cookieValue, session };
  }

  /**
   * The live session for a cookie value with its login and whether the login's organisation is
   * active, as of now (one query: this runs on every request), or null when unknown or expired
   * (an expired one is removed).
   */
  async find(
    cookieValue: string,
  ): Promise<(Session & { user: UserRecord; organisationActive: boolean }) | null> {
    const idHash = sha256(cookieValue);
    const { rows } = await this.db.query<
      UserRow & {
        user_id: string;
        csrf_token: string;
        last_seen_at: string | Date;
        absolute_expires_at: string | Date;
        organisation_active: boolean;
      }
    >(
      `SELECT s.user_id, s.csrf_token, s.last_seen_at, s.absolute_expires_at, u.*,
         COALESCE(o.active, true) AS organisation_active
       FROM identity_sessions s JOIN identity_users u ON u.id = s.user_id
       LEFT JOIN identity_organisations o ON o.id = u.organisation_id
       WHERE s.id_hash = $1`,
      [idHash],
    );
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now().getTime();
    const lastSeen = new Date(row.last_seen_at).getTime();
    if (now >= new Date(row.absolute_expires_at).getTime() || now >= lastSeen + this.settings.sessionIdleMs) {
      await this.db.query('DELETE FROM identity_sessions WHERE id_hash = $1', [idHash]);
      return null;
    }
    if (now - lastSeen >= TOUCH_EVERY_MS)
      await this.db.query('UPDATE identity_sessions SET last_seen_at = $2 WHERE id_hash = $1', [
        idHash,
        new Date(now).toISOString(),
      ]);
    return {
      idHash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      user: toRecord(row),
      organisationActive: row.organisation_active,
    };
  }

  async delete(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM identity_sessions WHERE id_hash = $1', [idHash]);
  }

  /** Ends every session of a login, except optionally the one making the request. */
  async deleteAllOf(userId: string, except?: string): Promise<void> {
    await this.db.query('DELETE FROM identity_sessions WHERE user_id = $1 AND id_hash <> $2', [
      userId,
      except ?? '',
    ]);
  }
}
