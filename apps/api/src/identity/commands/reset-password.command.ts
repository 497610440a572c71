import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../caller.js';
import { CredentialsStore } from '../credentials.store.js';
import { generateOneTimePassword, PasswordHasher } from '../password-hasher.js';
import { IdentityStreams } from './identity-streams.js';

/**
 * A new one-time password for a login (admin, or coordinator for non-admins; the controller has
 * checked which): ends the login's sessions and revokes its tokens.
 */
export class ResetPasswordCommand extends Command<{ oneTimePassword: string }> {
  constructor(
    readonly caller: Caller,
    readonly userId: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly streams: IdentityStreams,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialsStore,
  ) {}

  async execute({ caller: { context }, userId, expectedVersion }: ResetPasswordCommand) {
    const oneTimePassword = generateOneTimePassword();
    const hash = await this.hasher.hash(oneTimePassword);
    await this.streams.runUser(
      userId,
      { type: 'IssueOneTimePassword', data: { reason: 'reset' } },
      context,
      expectedVersion,
    );
    await this.credentials.set(userId, hash);
    await this.streams.endAccessOf(userId, context);
    return { oneTimePassword };
  }
}
