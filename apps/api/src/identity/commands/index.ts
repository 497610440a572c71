import { ChangeOrganisationHandler } from './change-organisation.command.js';
import { ChangeOwnPasswordHandler } from './change-own-password.command.js';
import { ChangeUserHandler } from './change-user.command.js';
import { CreateUserHandler } from './create-user.command.js';
import { IssueApiTokenHandler } from './issue-api-token.command.js';
import { LoginHandler } from './login.command.js';
import { LogoutHandler } from './logout.command.js';
import { RegisterOrganisationHandler } from './register-organisation.command.js';
import { ResetPasswordHandler } from './reset-password.command.js';
import { RevokeApiTokenHandler } from './revoke-api-token.command.js';

export { ChangeOrganisationCommand, type OrganisationChanges } from './change-organisation.command.js';
export { ChangeOwnPasswordCommand } from './change-own-password.command.js';
export { ChangeUserCommand, type UserChanges } from './change-user.command.js';
export { CreateUserCommand, type NewUser } from './create-user.command.js';
export { IssueApiTokenCommand } from './issue-api-token.command.js';
export { LoginCommand } from './login.command.js';
export { LogoutCommand } from './logout.command.js';
export { RegisterOrganisationCommand } from './register-organisation.command.js';
export { ResetPasswordCommand } from './reset-password.command.js';
export { RevokeApiTokenCommand } from './revoke-api-token.command.js';
export { FailedAttempts } from './failed-attempts.js';
export { IdentityStreams } from './identity-streams.js';
export { OrganisationCheck } from './organisation-check.js';

export const identityCommandHandlers = [
  RegisterOrganisationHandler,
  ChangeOrganisationHandler,
  CreateUserHandler,
  ChangeUserHandler,
  ResetPasswordHandler,
  LoginHandler,
  LogoutHandler,
  ChangeOwnPasswordHandler,
  IssueApiTokenHandler,
  RevokeApiTokenHandler,
];
