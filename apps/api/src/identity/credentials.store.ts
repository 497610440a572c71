import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import { Clock } from '../platform/commands/clock.js';
import { READ_DB } from '../platform/platform.tokens.js';

/** Password hashes, outside the event log (events never hold secrets; STYLE.md). */
@Injectable()
export class CredentialsStore {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async hashOf(userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM identity_credentials WHERE user_id = $1',
      [userId],
    );
    return rows[0]?.password_hash ?? null;
  }

  async set(userId: string, hash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO identity_credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at`,
      [userId, hash, this.clock.now().toISOString()],
    );
  }
}
