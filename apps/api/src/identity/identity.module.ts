import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config.js';
import { ApiTokensStore } from './api-tokens.store.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import {
  FailedAttempts,
  identityCommandHandlers,
  IdentityStreams,
  OrganisationCheck,
} from './commands/index.js';
import { identityQueryHandlers } from './queries/index.js';
import { CredentialsStore } from './credentials.store.js';
import { IdentityFirstStart } from './first-start.js';
import { IdentitySettings } from './identity.settings.js';
import { LoginThrottle } from './login-throttle.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsReadModel } from './organisations.read-model.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsStore } from './sessions.store.js';
import { UsersController } from './users.controller.js';
import { UsersReadModel } from './users.read-model.js';

/**
 * Organisations, logins, sessions and tokens, and the global authentication guard that every
 * other module relies on (import `@Public` and `@CurrentCaller` from './identity'). Its state
 * changes are commands (commands/) and its reads queries (queries/) on the buses.
 * Global, so that any module can inject OrganisationsReadModel and UsersReadModel.
 */
@Global()
@Module({
  controllers: [AuthController, OrganisationsController, UsersController],
  providers: [
    {
      provide: IdentitySettings,
      useFactory: (config: AppConfig) => new IdentitySettings(config),
      inject: [AppConfig],
    },
    PasswordHasher,
    CredentialsStore,
    SessionsStore,
    ApiTokensStore,
    LoginThrottle,
    OrganisationsReadModel,
    UsersReadModel,
    IdentityStreams,
    OrganisationCheck,
    FailedAttempts,
    ...identityCommandHandlers,
    ...identityQueryHandlers,
    IdentityFirstStart,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // SessionsStore and ApiTokensStore: for the one route the guard does not see (publication's Bull Board).
  exports: [OrganisationsReadModel, UsersReadModel, IdentityFirstStart, SessionsStore, ApiTokensStore],
})
export class IdentityModule {}
