import { Injectable } from '@nestjs/common';
import { UsersReadModel } from '../identity/index.js';
import type { ReminderRecipient } from './send-reminders.job.js';

/**
 * Who a reminder to an organisation reaches: its active reporters that have an e-mail address.
 * The reminder jobs send to them; the coordinator's "remind now" names the organisations that
 * have none, so that nobody believes a reminder went out that reached no one.
 */
@Injectable()
export class ReminderRecipients {
  constructor(private readonly users: UsersReadModel) {}

  async of(organisationId: string): Promise<ReminderRecipient[]> {
    const { items } = await this.users.list(
      { organisationId, role: 'reporter', active: true },
      { offset: 0, limit: 500 },
    );
    return items
      .filter((user) => user.email)
      .map((user) => ({ userId: user.id, displayName: user.displayName, email: user.email! }));
  }

  /** Those of `organisationIds` that a reminder reaches nobody at, in the order given. */
  async unreachable(organisationIds: readonly string[]): Promise<string[]> {
    const reached = await Promise.all(organisationIds.map(async (id) => (await this.of(id)).length > 0));
    return organisationIds.filter((_, index) => !reached[index]);
  }
}
