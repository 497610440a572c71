import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { asSubject } from '@laget/permissions';
import { notFound } from '../../platform/domain/domain-error.js';
import type { Caller } from '../caller.js';
import { IdentitySettings } from '../identity.settings.js';
import { UsersReadModel, type UserRecord } from '../users.read-model.js';

/**
 * A login as CASL sees it. `fourEyes`: where the municipality requires it, only an admin resets
 * those who approve (the matrix says so).
 */
export const userSubject = (user: UserRecord, fourEyes: boolean) =>
  asSubject('User', { id: user.id, roles: user.roles, organisationId: user.organisationId, fourEyes });

/** A login the caller may see; 404 otherwise, as if it did not exist. */
export class GetUserQuery extends Query<UserRecord> {
  constructor(
    readonly caller: Caller,
    readonly userId: string,
  ) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly settings: IdentitySettings,
  ) {}

  async execute({ caller, userId }: GetUserQuery) {
    const user = await this.users.get(userId);
    if (!user || !caller.ability.can('read', userSubject(user, this.settings.fourEyes)))
      throw notFound('User');
    return user;
  }
}
