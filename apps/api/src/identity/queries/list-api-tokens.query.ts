import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApiTokenDto } from '@laget/contracts';
import { asSubject } from '@laget/permissions';
import { ApiTokensStore } from '../api-tokens.store.js';
import type { SignedInCaller } from '../caller.js';
import type { Page } from './page.js';

/** The caller's own API tokens, or every token for one who may read them all (an admin). */
export class ListApiTokensQuery extends Query<Page<ApiTokenDto>> {
  constructor(readonly caller: SignedInCaller) {
    super();
  }
}

@QueryHandler(ListApiTokensQuery)
export class ListApiTokensHandler implements IQueryHandler<ListApiTokensQuery> {
  constructor(private readonly tokens: ApiTokensStore) {}

  async execute({ caller: { actor, ability } }: ListApiTokensQuery) {
    const all = ability.can('read', asSubject('ApiToken', { id: '*', ownerId: '*' }));
    const items = await this.tokens.list(all ? null : actor.userId);
    return { items, total: items.length };
  }
}
