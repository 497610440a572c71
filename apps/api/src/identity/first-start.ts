import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type SqlDatabase, createIndexIfMissing, withStartupSchemaLock } from '@laget/event-store';
import type { OrganisationKind } from '@laget/contracts';
import type { Role } from '@laget/permissions';
import { AppConfig } from '../config/app-config.js';
import { systemContext } from '../platform/commands/request-context.js';
import { READ_DB } from '../platform/platform.tokens.js';
import { CreateUserCommand, CreateUserHandler } from './commands/create-user.command.js';
import {
  RegisterOrganisationCommand,
  RegisterOrganisationHandler,
} from './commands/register-organisation.command.js';
import { createIdentityReadModel } from './identity.projection.js';
import { IDENTITY_SESSIONS_USER_INDEX, IDENTITY_TABLES_DDL } from './identity.tables.js';
import { OrganisationsReadModel } from './organisations.read-model.js';
import { generateOneTimePassword } from './password-hasher.js';
import { UsersReadModel } from './users.read-model.js';

/** The seed's actors (Norbergs kommun, v48 2024), with fixed ids that the demo reports refer to. */
export const DEMO_ORGANISATIONS: ReadonlyArray<{
  id: string;
  name: string;
  kind: OrganisationKind;
  reporter: string;
}> = [
  { id: 'polisen', name: 'Polisen', kind: 'police', reporter: 'polisen' },
  { id: 'socialtjansten', name: 'Socialtjänsten', kind: 'social_services', reporter: 'socialtjansten' },
  { id: 'skolan', name: 'Skolan', kind: 'school', reporter: 'skolan' },
  { id: 'nvk', name: 'NVK', kind: 'municipal_company', reporter: 'nvk' },
  { id: 'naringslivet', name: 'Näringslivet', kind: 'business', reporter: 'naringslivet' },
  { id: 'kultur-fritid', name: 'Kultur & Fritid', kind: 'culture_leisure', reporter: 'kultur-fritid' },
  {
    id: 'bf-samordnare',
    name: 'Brottsförebyggande samordnaren',
    kind: 'coordinator',
    reporter: 'samordnare',
  },
];

/** The first start's one-time password as a few lines that are easy to spot among the log lines. */
export function oneTimePasswordBlock(password: string): string {
  const rule = '='.repeat(72);
  return [
    '',
    rule,
    '  Läget: first start. Log in as "admin" with this one-time password:',
    '',
    `      ${password}`,
    '',
    '  It is shown only now; you must change it at first login.',
    rule,
    '',
    '',
  ].join('\n');
}

/** Demo mode only (LAGET_DEMO=1): every demo login has this password, documented in the README. */
export const DEMO_PASSWORD = 'Demo-Lagesbild-v48';

interface DemoUser {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
}

const demoUsers = (): DemoUser[] => [
  ...DEMO_ORGANISATIONS.filter((o) => o.kind !== 'coordinator').map((o) => ({
    username: o.reporter,
    displayName: `Rapportör ${o.name}`,
    organisationId: o.id,
    roles: ['reporter'] as Role[],
  })),
  {
    username: 'samordnare',
    displayName: 'BF-samordnaren',
    organisationId: 'bf-samordnare',
    roles: ['coordinator'],
  },
  { username: 'granskare', displayName: 'Granskaren', organisationId: 'bf-samordnare', roles: ['reviewer'] },
  { username: 'est', displayName: 'EST-gruppen', organisationId: 'bf-samordnare', roles: ['est_member'] },
];

/**
 * First start (CONTRACT.md): creates the identity tables, then the `admin` login when no admin
 * exists, from LAGET_ADMIN_PASSWORD or a random password printed once; in demo mode also the
 * seed's organisations and logins. Safe on several instances at once: usernames are reserved by
 * stream, so a second instance's attempt is a conflict that is ignored.
 *
 * It calls the command handlers themselves, not the CommandBus: @nestjs/cqrs binds its handlers
 * in its own onApplicationBootstrap, which need not have run before this one.
 */
@Injectable()
export class IdentityFirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('identity');

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly config: AppConfig,
    private readonly registerOrganisation: RegisterOrganisationHandler,
    private readonly createUser: CreateUserHandler,
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await withStartupSchemaLock(this.db, async (tx) => {
      await createIdentityReadModel(tx);
      for (const statement of IDENTITY_TABLES_DDL) await tx.query(statement);
      await createIndexIfMissing(tx, 'identity_sessions_user', IDENTITY_SESSIONS_USER_INDEX);
    });
    await this.ensureAdmin();
    if (this.config.demo) await this.loadDemo();
  }

  private async ensureAdmin(): Promise<void> {
    if ((await this.users.anyActiveAdmin()) || (await this.users.byUsername('admin'))) return;
    const password = this.config.adminPassword ?? generateOneTimePassword();
    const create = (userId?: string) =>
      this.createUser.execute(
        new CreateUserCommand(
          systemContext(),
          {
            username: 'admin',
            displayName: 'Systemadministratör',
            email: null,
            organisationId: null,
            roles: ['admin'],
            ...(userId ? { userId } : {}),
          },
          { password },
        ),
      );
    try {
      await create();
    } catch (error) {
      if (!isConflict(error)) throw error;
      // A first start that died between claiming "admin" and creating it left a claim and no
      // login: finish that creation (the same id finds its own claim) instead of starting
      // without any login to sign in with.
      const abandoned = await this.createUser.abandonedClaimOn('admin');
      if (!abandoned) return;
      this.logger.warn('An earlier first start did not finish creating "admin"; creating it now.');
      try {
        await create(abandoned);
      } catch (again) {
        // Another instance starting at the same moment finished it first.
        if (isConflict(again)) return;
        throw again;
      }
    }
    if (this.config.adminPassword) {
      this.logger.log(
        'Created the login "admin" with the password from LAGET_ADMIN_PASSWORD; it must be changed at first login.',
      );
    } else {
      // Printed once, on purpose: the operator needs it to log in the first time. As a plain block
      // on stdout rather than in a JSON log line, so it stands out in `docker logs`.
      this.logger.warn('Created the login "admin"; its one-time password is printed once, as a block.');
      process.stdout.write(oneTimePasswordBlock(password));
    }
  }

  /** Idempotent: what exists is left alone. */
  async loadDemo(): Promise<void> {
    const context = systemContext();
    for (const organisation of DEMO_ORGANISATIONS) {
      if (await this.organisations.get(organisation.id)) continue;
      try {
        await this.registerOrganisation.execute(
          new RegisterOrganisationCommand(context, {
            organisationId: organisation.id,
            name: organisation.name,
            kind: organisation.kind,
          }),
        );
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    for (const user of demoUsers()) {
      if (await this.users.byUsername(user.username)) continue;
      try {
        // Demo logins start ready to use, without the forced change.
        await this.createUser.execute(
          new CreateUserCommand(context, { ...user, email: null }, { password: DEMO_PASSWORD, ready: true }),
        );
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    this.logger.warn(
      `Demo mode: logins ${demoUsers()
        .map((u) => u.username)
        .join(', ')} with the demo password from the README.`,
    );
  }
}

function isConflict(error: unknown): boolean {
  return (
    (typeof error === 'object' && error !== null && (error as { kind?: string }).kind === 'conflict') ||
    (error instanceof Error && error.name === 'WrongExpectedVersionError')
  );
}
