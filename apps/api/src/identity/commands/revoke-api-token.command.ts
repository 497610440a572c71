import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { asSubject } from '@laget/permissions';
import { notFound } from '../../platform/domain/domain-error.js';
import { ApiTokensStore } from '../api-tokens.store.js';
import type { SignedInCaller } from '../caller.js';
import { userSecurityStream } from '../security-events.js';
import { IdentityStreams } from './identity-streams.js';

/**
 * Revokes an API token. Whether the caller may depends on whose token it is, which only this
 * handler reads: a token it may not revoke is a 404, as if it did not exist.
 */
export class RevokeApiTokenCommand extends Command<void> {
  constructor(
    readonly caller: SignedInCaller,
    readonly tokenId: string,
  ) {
    super();
  }
}

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly tokens: ApiTokensStore,
    private readonly streams: IdentityStreams,
  ) {}

  async execute({ caller: { actor, ability, context }, tokenId }: RevokeApiTokenCommand) {
    const token = await this.tokens.get(tokenId);
    if (!token || !ability.can('delete', asSubject('ApiToken', { id: token.id, ownerId: token.ownerId })))
      throw notFound('API token');
    if (token.revoked) return;
    await this.tokens.revoke(token.id);
    await this.streams.recordSecurityEvent(
      userSecurityStream(token.ownerId),
      {
        type: 'ApiTokenRevoked',
        data: { userId: token.ownerId, tokenId: token.id, revokedBy: actor.userId },
      },
      context,
    );
  }
}
