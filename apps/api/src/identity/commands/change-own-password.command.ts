import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ValidationFailed } from '../../platform/http/validation.js';
import type { SignedInCaller } from '../caller.js';
import { CredentialsStore } from '../credentials.store.js';
import { IdentitySettings } from '../identity.settings.js';
import { LoginThrottle } from '../login-throttle.js';
import { PasswordHasher } from '../password-hasher.js';
import { checkPassword } from '../password-policy.js';
import { FailedAttempts } from './failed-attempts.js';
import { IdentityStreams } from './identity-streams.js';

/**
 * The caller changes its own password, proving the current one. Ends the other sessions and
 * revokes every token of the login: whoever made them with the old password (or stole them)
 * keeps nothing. The session making the change (`keepSession`) stays.
 */
export class ChangeOwnPasswordCommand extends Command<void> {
  constructor(
    readonly caller: SignedInCaller,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly keepSession?: string,
  ) {
    super();
  }
}

@CommandHandler(ChangeOwnPasswordCommand)
export class ChangeOwnPasswordHandler implements ICommandHandler<ChangeOwnPasswordCommand> {
  constructor(
    private readonly credentials: CredentialsStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly failures: FailedAttempts,
    private readonly streams: IdentityStreams,
    private readonly settings: IdentitySettings,
  ) {}

  /**
   * A wrong current password counts toward the login's lockout as a failed login does (and toward
   * the address's limit), so that a session left open is no way to guess the password.
   */
  async execute({ caller, currentPassword, newPassword, keepSession }: ChangeOwnPasswordCommand) {
    const { actor, context } = caller;
    const lockedFor = Math.max(
      await this.throttle.lockedFor(actor.userId),
      await this.throttle.ipBlockedFor(context.ip ?? 'unknown'),
    );
    const hash = await this.credentials.hashOf(actor.userId);
    const valid = hash !== null && (await this.hasher.verify(hash, currentPassword));
    if (lockedFor > 0) await this.failures.refuseLocked(actor.userId, lockedFor, context);
    if (!valid) {
      await this.failures.refuse(actor.userId, 'wrong_current_password', context, true);
      throw new ValidationFailed([
        {
          field: 'body.currentPassword',
          message: 'Nuvarande lösenord stämmer inte (current password is wrong)',
        },
      ]);
    }
    await this.throttle.clearFailures(actor.userId);
    if (currentPassword === newPassword)
      throw new ValidationFailed([
        {
          field: 'body.newPassword',
          message: 'Det nya lösenordet måste skilja sig från det gamla (must differ from the current one)',
        },
      ]);
    const verdict = checkPassword(newPassword, {
      username: actor.username,
      displayName: actor.displayName,
      municipality: this.settings.municipalityName,
    });
    if (!verdict.ok)
      throw new ValidationFailed(verdict.problems.map((message) => ({ field: 'body.newPassword', message })));
    const newHash = await this.hasher.hash(newPassword);
    await this.streams.runUser(actor.userId, { type: 'ChangeOwnPassword', data: {} }, context);
    await this.credentials.set(actor.userId, newHash);
    await this.streams.endAccessOf(actor.userId, context, keepSession);
  }
}
