import { GetOrganisationHandler } from './get-organisation.query.js';
import { GetUserHandler } from './get-user.query.js';
import { ListApiTokensHandler } from './list-api-tokens.query.js';
import { ListOrganisationsHandler } from './list-organisations.query.js';
import { ListUsersHandler } from './list-users.query.js';
import { MeHandler } from './me.query.js';

export { GetOrganisationQuery } from './get-organisation.query.js';
export { GetUserQuery, userSubject } from './get-user.query.js';
export { ListApiTokensQuery } from './list-api-tokens.query.js';
export { ListOrganisationsQuery } from './list-organisations.query.js';
export { ListUsersQuery } from './list-users.query.js';
export { MeQuery } from './me.query.js';
export type { Page, PageRequest } from './page.js';

export const identityQueryHandlers = [
  ListOrganisationsHandler,
  GetOrganisationHandler,
  ListUsersHandler,
  GetUserHandler,
  MeHandler,
  ListApiTokensHandler,
];
