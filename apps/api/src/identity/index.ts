export { IdentityModule } from './identity.module.js';
export { Public, AllowBeforePasswordChange } from './decorators.js';
export type { CurrentActorInfo, AuthenticatedRequest } from './actor.js';
export { requestContext } from './actor.js';
export { CurrentCaller, type Caller, type SignedInCaller } from './caller.js';
export { OrganisationsReadModel } from './organisations.read-model.js';
export { UsersReadModel } from './users.read-model.js';
export { identityProjection } from './identity.projection.js';
export { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './first-start.js';
export {
  GetOrganisationQuery,
  GetUserQuery,
  ListOrganisationsQuery,
  ListUsersQuery,
  type Page,
  type PageRequest,
} from './queries/index.js';
export { CreateUserCommand, RegisterOrganisationCommand } from './commands/index.js';
