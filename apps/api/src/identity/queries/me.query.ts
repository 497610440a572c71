import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MeDto } from '@laget/contracts';
import { packedRulesOf } from '../ability-cache.js';
import type { UserRecord } from '../users.read-model.js';

/**
 * Who is logged in, with packed CASL rules and the CSRF token of the session (null with a
 * token). Of the login as the guard read it for this request, or as logging in found it.
 */
export class MeQuery extends Query<MeDto> {
  constructor(
    readonly user: UserRecord,
    readonly csrfToken: string | null,
  ) {
    super();
  }
}

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery> {
  execute({ user, csrfToken }: MeQuery): Promise<MeDto> {
    const actor = { userId: user.id, organisationId: user.organisationId, roles: user.roles };
    return Promise.resolve({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      organisationId: user.organisationId,
      roles: user.roles,
      rules: packedRulesOf(actor),
      csrfToken,
      mustChangePassword: user.mustChangePassword,
    });
  }
}
