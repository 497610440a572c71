import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import type { ApiTokenDto } from '@laget/contracts';
import { Clock } from '../platform/commands/clock.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { sha256 } from './secrets.js';
import { toRecord, type UserRecord, type UserRow } from './users.read-model.js';

interface TokenRow {
  id: string;
  owner_id: string;
  name: string;
  created_at: string | Date;
  expires_at: string | Date;
  last_used_at: string | Date | null;
  revoked_at: string | Date | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const toDto = (row: TokenRow): ApiTokenDto => ({
  id: row.id,
  name: row.name,
  ownerId: row.owner_id,
  createdAt: iso(row.created_at)!,
  expiresAt: iso(row.expires_at),
  lastUsedAt: iso(row.last_used_at),
  revoked: row.revoked_at !== null,
});

/**
 * How long a token found in the database is trusted without asking again. A change made through
 * this instance (revocation, a change to the owner's login) forgets it at once; one made through
 * another instance takes effect here within this time. Integrations send many requests a second
 * with one token, and this lookup was one of three PostgreSQL round trips per reporting command
 * (docs/adr/0011).
 */
export const TOKEN_RECHECK_MS = 1_000;

interface RecentToken {
  tokenId: string;
  ownerId: string;
  owner: UserRecord;
  /** False when the owner's organisation is deactivated (true for a login without one). */
  organisationActive: boolean;
  expiresAt: number;
  lastUsedAt: number | null;
  /** performance.now() when read from the database: the recheck runs on real time, not on the Clock. */
  readAt: number;
}

/** Bearer tokens for integrations: only their SHA-256 is kept (a token is 256 random bits, so no slow hash is needed). */
@Injectable()
export class ApiTokensStore {
  /** Tokens looked up lately, by hash; bounded, since an instance serves a municipality's few hundred logins. */
  private readonly recent = new Map<string, RecentToken>();
  /** Counts forgettings: a lookup that ran across one may have read what was just changed, so it is not kept. */
  private forgotten = 0;

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async add(token: {
    id: string;
    ownerId: string;
    name: string;
    secret: string;
    expiresAt: Date;
  }): Promise<ApiTokenDto> {
    const now = this.clock.now().toISOString();
    const { rows } = await this.db.query<TokenRow>(
      `INSERT INTO identity_api_tokens (id, owner_id, name, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [token.id, token.ownerId, token.name, sha256(token.secret), now, token.expiresAt.toISOString()],
    );
    return toDto(rows[0]!);
  }

  /**
   * The owner of a live token, read in the same query as the token and then trusted for
   * TOKEN_RECHECK_MS, or null; records the token's use at most once a minute.
   */
  async ownerOf(
    secret: string,
  ): Promise<{ tokenId: string; ownerId: string; owner: UserRecord; organisationActive: boolean } | null> {
    const now = this.clock.now();
    const hash = sha256(secret);
    let token = this.recent.get(hash);
    if (!token || performance.now() - token.readAt >= TOKEN_RECHECK_MS) {
      this.recent.delete(hash);
      const before = this.forgotten;
      const found = await this.lookUp(hash, now);
      if (!found) return null;
      if (this.recent.size >= 2_000) this.recent.clear();
      if (this.forgotten === before) this.recent.set(hash, found);
      token = found;
    }
    if (token.expiresAt <= now.getTime()) return null;
    if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt > 60_000) {
      token.lastUsedAt = now.getTime();
      await this.db.query('UPDATE identity_api_tokens SET last_used_at = $2 WHERE id = $1', [
        token.tokenId,
        now.toISOString(),
      ]);
    }
    return {
      tokenId: token.tokenId,
      ownerId: token.ownerId,
      owner: token.owner,
      organisationActive: token.organisationActive,
    };
  }

  /** Forgets what was read of the tokens of a login whose record changed (roles, deactivation, password). */
  forgetOwner(ownerId: string): void {
    this.forget((token) => token.ownerId === ownerId);
  }

  private forget(matches: (token: RecentToken) => boolean): void {
    this.forgotten++;
    for (const [hash, token] of this.recent) if (matches(token)) this.recent.delete(hash);
  }

  private async lookUp(hash: string, now: Date): Promise<RecentToken | null> {
    const { rows } = await this.db.query<
      UserRow & {
        token_id: string;
        owner_id: string;
        token_last_used_at: string | Date | null;
        token_expires_at: string | Date;
        organisation_active: boolean;
      }
    >(
      `SELECT t.id AS token_id, t.owner_id, t.last_used_at AS token_last_used_at,
         t.expires_at AS token_expires_at, u.*, COALESCE(o.active, true) AS organisation_active
       FROM identity_api_tokens t JOIN identity_users u ON u.id = t.owner_id
       LEFT JOIN identity_organisations o ON o.id = u.organisation_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2`,
      [hash, now.toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tokenId: row.token_id,
      ownerId: row.owner_id,
      owner: toRecord(row),
      organisationActive: row.organisation_active,
      expiresAt: new Date(row.token_expires_at).getTime(),
      lastUsedAt: row.token_last_used_at === null ? null : new Date(row.token_last_used_at).getTime(),
      readAt: performance.now(),
    };
  }

  async get(id: string): Promise<ApiTokenDto | null> {
    const { rows } = await this.db.query<TokenRow>('SELECT * FROM identity_api_tokens WHERE id = $1', [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async list(ownerId: string | null): Promise<ApiTokenDto[]> {
    const { rows } =
      ownerId === null
        ? await this.db.query<TokenRow>('SELECT * FROM identity_api_tokens ORDER BY created_at DESC, id')
        : await this.db.query<TokenRow>(
            'SELECT * FROM identity_api_tokens WHERE owner_id = $1 ORDER BY created_at DESC, id',
            [ownerId],
          );
    return rows.map(toDto);
  }

  async revoke(id: string): Promise<void> {
    await this.db.query(
      'UPDATE identity_api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, this.clock.now().toISOString()],
    );
    // After the update: a lookup running meanwhile may have read the token as still live.
    this.forget((token) => token.tokenId === id);
  }

  /**
   * Revokes every live token of a login and returns their ids. This instance forgets them at
   * once; another instance asks the database again within TOKEN_RECHECK_MS and then finds them
   * revoked, so no instance trusts them longer than that.
   */
  async revokeAllOf(ownerId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      'UPDATE identity_api_tokens SET revoked_at = $2 WHERE owner_id = $1 AND revoked_at IS NULL RETURNING id',
      [ownerId, this.clock.now().toISOString()],
    );
    this.forgetOwner(ownerId);
    return rows.map((row) => row.id);
  }
}
