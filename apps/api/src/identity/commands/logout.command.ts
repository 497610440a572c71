import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SignedInCaller } from '../caller.js';
import { userSecurityStream } from '../security-events.js';
import { SessionsStore } from '../sessions.store.js';
import { IdentityStreams } from './identity-streams.js';

/** Ends the caller's session (the one its cookie names). */
export class LogoutCommand extends Command<void> {
  constructor(
    readonly caller: SignedInCaller,
    readonly sessionIdHash: string,
  ) {
    super();
  }
}

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    private readonly sessions: SessionsStore,
    private readonly streams: IdentityStreams,
  ) {}

  async execute({ caller: { actor, context }, sessionIdHash }: LogoutCommand) {
    await this.sessions.delete(sessionIdHash);
    await this.streams.recordSecurityEvent(
      userSecurityStream(actor.userId),
      {
        type: 'UserLoggedOut',
        data: { userId: actor.userId, sessionId: sessionIdHash.slice(0, 16), reason: 'logout' },
      },
      context,
    );
  }
}
