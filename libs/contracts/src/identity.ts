import { z } from 'zod';
import { freeText } from './free-text.js';

/**
 * Identity: organisations, logins, sessions and tokens (CONTRACT.md: auth, organisations, users).
 * Request schemas are strict (unknown fields refused) and their messages name the field.
 */

export const ORGANISATION_KINDS = [
  'police',
  'social_services',
  'school',
  'municipal_company',
  'business',
  'culture_leisure',
  'rescue_service',
  'coordinator',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  police: 'Polisen',
  social_services: 'Socialtjänsten',
  school: 'Skola',
  municipal_company: 'Kommunalt bolag',
  business: 'Näringsliv',
  culture_leisure: 'Kultur och fritid',
  rescue_service: 'Räddningstjänsten',
  coordinator: 'Samordnare',
  other: 'Annan',
};

/** Same list as @laget/permissions ROLES (a test keeps them equal; contracts depends on zod only). */
export const ROLE_NAMES = ['admin', 'coordinator', 'reviewer', 'est_member', 'reporter'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 input stays bounded: a megabyte "password" would be a denial of service, not a secret. */
export const PASSWORD_MAX_LENGTH = 256;

export interface OrganisationDto {
  id: string;
  name: string;
  kind: OrganisationKind;
  active: boolean;
  version: number;
  /**
   * When the organisation was registered (ISO 8601): a week whose reporting deadline had passed by
   * then does not expect its report. Null only for a row the read model has not rebuilt yet.
   */
  createdAt: string | null;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string | null;
  roles: RoleName[];
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

export interface CreatedUserDto extends UserDto {
  /** Shown once; the user must change it at first login. */
  oneTimePassword: string;
}

export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  organisationId: string | null;
  roles: RoleName[];
  /** Packed CASL rules (`@casl/ability/extra` unpackRules). */
  rules: unknown[];
  /** Send as X-CSRF-Token on state-changing requests of a cookie session; null for Bearer tokens. */
  csrfToken: string | null;
  mustChangePassword: boolean;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface IssuedApiTokenDto extends ApiTokenDto {
  /** The secret itself, shown once; only its hash is stored. */
  token: string;
}

const say = (field: string, sv: string, en: string) => `${field}: ${sv} (${en})`;

/** A free-text field: the one text type of `free-text.ts` (trimmed), its messages naming the field. */
function text(field: string, max: number, min = 1) {
  return freeText((sv, en) => say(field, sv, en), { max, min, trim: true });
}

function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? say('Begäran', `okända fält ${issue.keys.join(', ')}`, `unknown fields ${issue.keys.join(', ')}`)
        : say('Begäran', 'måste vara ett JSON-objekt', 'must be a JSON object'),
  });
}

const password = (field: string) =>
  z
    .string({ error: say(field, 'måste vara text', 'must be text') })
    .min(1, { error: say(field, 'får inte vara tomt', 'must not be empty') })
    .max(PASSWORD_MAX_LENGTH, {
      error: say(field, `högst ${PASSWORD_MAX_LENGTH} tecken`, `at most ${PASSWORD_MAX_LENGTH} characters`),
    });

export const usernameSchema = z
  .string({ error: say('username', 'måste vara text', 'must be text') })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
      error: say(
        'username',
        '2–64 tecken: a–z, 0–9, punkt, bindestreck, understreck',
        '2–64 characters: a–z, 0–9, dot, hyphen, underscore',
      ),
    }),
  );

const idSchema = (field: string) =>
  z.string({ error: say(field, 'måste vara text', 'must be text') }).regex(/^[A-Za-z0-9_.:-]{1,100}$/, {
    error: say(field, 'är ingen giltig identitet', 'is not a valid id'),
  });

const expectedVersion = z
  .number({ error: say('expectedVersion', 'måste vara ett heltal', 'must be a whole number') })
  .int({ error: say('expectedVersion', 'måste vara ett heltal', 'must be a whole number') })
  .min(0)
  .optional();

const email = z
  .string({ error: say('email', 'måste vara text', 'must be text') })
  .max(254, { error: say('email', 'högst 254 tecken', 'at most 254 characters') })
  .pipe(z.email({ error: say('email', 'är ingen giltig e-postadress', 'is not a valid e-mail address') }));

const roles = z
  .array(
    z.enum(ROLE_NAMES, {
      error: say(
        'roles',
        `ska vara några av ${ROLE_NAMES.join(', ')}`,
        `must be some of ${ROLE_NAMES.join(', ')}`,
      ),
    }),
    {
      error: say('roles', 'måste vara en lista', 'must be a list'),
    },
  )
  .max(ROLE_NAMES.length, { error: say('roles', 'för många roller', 'too many roles') })
  .transform((list) => [...new Set(list)]);

const kind = z.enum(ORGANISATION_KINDS, {
  error: say(
    'kind',
    `ska vara en av ${ORGANISATION_KINDS.join(', ')}`,
    `must be one of ${ORGANISATION_KINDS.join(', ')}`,
  ),
});

export const loginRequestSchema = strict({
  // Any text, so that a wrong name is just a failed login; but never one that cannot be looked up.
  username: freeText((sv, en) => say('username', sv, en), { max: 200, trim: false }),
  password: password('password'),
});
export type LoginRequest = z.output<typeof loginRequestSchema>;

export const changePasswordRequestSchema = strict({
  currentPassword: password('currentPassword'),
  newPassword: password('newPassword'),
});
export type ChangePasswordRequest = z.output<typeof changePasswordRequestSchema>;

export const createOrganisationRequestSchema = strict({
  name: text('name', 200),
  kind,
});
export type CreateOrganisationRequest = z.output<typeof createOrganisationRequestSchema>;

export const updateOrganisationRequestSchema = strict({
  name: text('name', 200).optional(),
  kind: kind.optional(),
  active: z
    .boolean({ error: say('active', 'måste vara true eller false', 'must be true or false') })
    .optional(),
  expectedVersion,
});
export type UpdateOrganisationRequest = z.output<typeof updateOrganisationRequestSchema>;

export const createUserRequestSchema = strict({
  username: usernameSchema,
  displayName: text('displayName', 200),
  email: email.nullable().optional(),
  organisationId: idSchema('organisationId').nullable().optional(),
  roles: roles.default([]),
});
export type CreateUserRequest = z.output<typeof createUserRequestSchema>;

export const updateUserRequestSchema = strict({
  displayName: text('displayName', 200).optional(),
  email: email.nullable().optional(),
  organisationId: idSchema('organisationId').nullable().optional(),
  roles: roles.optional(),
  active: z
    .boolean({ error: say('active', 'måste vara true eller false', 'must be true or false') })
    .optional(),
  expectedVersion,
});
export type UpdateUserRequest = z.output<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = strict({ expectedVersion });

export const createApiTokenRequestSchema = strict({
  name: text('name', 100),
  /** Days until it expires; default 365, at most 3 years. */
  expiresInDays: z
    .number({ error: say('expiresInDays', 'måste vara ett heltal', 'must be a whole number') })
    .int({ error: say('expiresInDays', 'måste vara ett heltal', 'must be a whole number') })
    .min(1, { error: say('expiresInDays', 'minst 1', 'at least 1') })
    .max(1095, { error: say('expiresInDays', 'högst 1095', 'at most 1095') })
    .default(365),
});
export type CreateApiTokenRequest = z.output<typeof createApiTokenRequestSchema>;

/** `?page=&perPage=&sort=&order=` of CONTRACT.md, shared by the identity lists. */
export const listQuerySchema = z.object({
  page: z.coerce
    .number({ error: say('page', 'måste vara ett heltal', 'must be a whole number') })
    .int()
    .min(1)
    .max(100_000)
    .default(1),
  perPage: z.coerce
    .number({ error: say('perPage', 'måste vara ett heltal', 'must be a whole number') })
    .int()
    .min(1)
    .max(500)
    .default(25),
  sort: z.string().max(50).optional(),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'], {
      error: say('order', 'ska vara ASC eller DESC', 'must be ASC or DESC'),
    })
    .optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;
