import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '../platform/commands/clock.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { IdentitySettings } from './identity.settings.js';

/**
 * Two brakes on password guessing, both in the read store so that every instance shares them:
 * a per-account lockout (N consecutive failures lock the login for a while; on the application
 * clock so tests can move time) and a per-address limit on failed logins over all usernames
 * (rate-limiter-flexible's PostgreSQL limiter, which also runs on PGlite through the SqlDatabase port).
 */
@Injectable()
export class LoginThrottle implements OnModuleInit {
  private ipLimiter!: RateLimiterPostgres;

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
    private readonly settings: IdentitySettings,
  ) {}

  onModuleInit(): void {
    // The limiter speaks to a pg-like "pool": one `query({text, values})` returning rows and rowCount.
    const pool = {
      query: async ({ text, values }: { text: string; values?: unknown[] }) => {
        const result = await this.db.query(text, values ?? []);
        return { rows: result.rows, rowCount: result.rows.length };
      },
    };
    this.ipLimiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'identity_ip_limits',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'login-ip',
      points: this.settings.loginFailuresPerIp,
      duration: this.settings.ipWindowSeconds,
    });
  }

  /** Milliseconds until the login unlocks, or 0. */
  async lockedFor(userId: string): Promise<number> {
    const { rows } = await this.db.query<{ locked_until: string | Date | null }>(
      'SELECT locked_until FROM identity_login_failures WHERE user_id = $1',
      [userId],
    );
    const until = rows[0]?.locked_until;
    if (!until) return 0;
    return Math.max(0, new Date(until).getTime() - this.clock.now().getTime());
  }

  /** Counts a failure; returns the lock's end when this failure locks the login. */
  async recordFailure(userId: string): Promise<{ failures: number; lockedUntil: Date | null }> {
    const { rows } = await this.db.query<{ failures: number }>(
      `INSERT INTO identity_login_failures (user_id, failures, locked_until) VALUES ($1, 1, NULL)
       ON CONFLICT (user_id) DO UPDATE SET
         failures = CASE WHEN identity_login_failures.locked_until IS NOT NULL THEN 1
                         ELSE identity_login_failures.failures + 1 END,
         locked_until = NULL
       RETURNING failures`,
      [userId],
    );
    const failures = Number(rows[0]?.failures ?? 1);
    if (failures < this.settings.lockoutFailures) return { failures, lockedUntil: null };
    const lockedUntil = new Date(this.clock.now().getTime() + this.settings.lockoutMs);
    await this.db.query('UPDATE identity_login_failures SET locked_until = $2 WHERE user_id = $1', [
      userId,
      lockedUntil.toISOString(),
    ]);
    return { failures, lockedUntil };
  }

  async clearFailures(userId: string): Promise<void> {
    await this.db.query('DELETE FROM identity_login_failures WHERE user_id = $1', [userId]);
  }

  /** Milliseconds until this address may try again, or 0. */
  async ipBlockedFor(ip: string): Promise<number> {
    const res = await this.ipLimiter.get(ip);
    if (res && res.consumedPoints >= this.settings.loginFailuresPerIp)
      return Math.max(res.msBeforeNext, 1000);
    return 0;
  }

  async recordIpFailure(ip: string): Promise<void> {
    try {
      await this.ipLimiter.consume(ip, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
  }
}
