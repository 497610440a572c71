import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { IssuedApiTokenDto } from '@laget/contracts';
import { Clock } from '../../platform/commands/clock.js';
import { ApiTokensStore } from '../api-tokens.store.js';
import type { SignedInCaller } from '../caller.js';
import { API_TOKEN_PREFIX, randomSecret } from '../secrets.js';
import { userSecurityStream } from '../security-events.js';
import { IdentityStreams } from './identity-streams.js';

/** A Bearer token of the caller's for an integration; the answer holds its secret, shown once. */
export class IssueApiTokenCommand extends Command<IssuedApiTokenDto> {
  constructor(
    readonly caller: SignedInCaller,
    readonly name: string,
    readonly expiresInDays: number,
  ) {
    super();
  }
}

@CommandHandler(IssueApiTokenCommand)
export class IssueApiTokenHandler implements ICommandHandler<IssueApiTokenCommand> {
  constructor(
    private readonly tokens: ApiTokensStore,
    private readonly streams: IdentityStreams,
    private readonly clock: Clock,
  ) {}

  async execute({ caller: { actor, context }, name, expiresInDays }: IssueApiTokenCommand) {
    const id = randomUUID();
    const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
    const expiresAt = new Date(this.clock.now().getTime() + expiresInDays * 86_400_000);
    const dto = await this.tokens.add({ id, ownerId: actor.userId, name, secret, expiresAt });
    await this.streams.recordSecurityEvent(
      userSecurityStream(actor.userId),
      {
        type: 'ApiTokenIssued',
        data: { userId: actor.userId, tokenId: id, name, expiresAt: expiresAt.toISOString() },
      },
      context,
    );
    return { ...dto, token: secret };
  }
}
