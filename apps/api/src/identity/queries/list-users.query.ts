import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { asSubject } from '@laget/permissions';
import type { SignedInCaller } from '../caller.js';
import { UsersReadModel, type UserFilter, type UserRecord } from '../users.read-model.js';
import type { Page, PageRequest } from './page.js';

/** The logins the caller may see (all for admin and coordinator, else only the own), one page. */
export class ListUsersQuery extends Query<Page<UserRecord>> {
  constructor(
    readonly caller: SignedInCaller,
    readonly filter: Omit<UserFilter, 'onlyIds'>,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UsersReadModel) {}

  execute({ caller, filter, page }: ListUsersQuery) {
    const seesEveryone = caller.ability.can(
      'read',
      asSubject('User', { id: '\u0000any', roles: [], organisationId: null }),
    );
    return this.users.list(seesEveryone ? filter : { ...filter, onlyIds: [caller.actor.userId] }, page);
  }
}
