import type { DomainEvent } from '../platform/domain/decider.js';

/**
 * Security facts about one login, on stream `user-security-<id>`: not decisions of the account
 * aggregate but records of what the authentication service saw, appended in order (expected
 * version ANY). Attempts for names that match no login go to `security-unknown-logins`.
 * Who, when and from which address are in the events' metadata (actorId, occurredAt, ip).
 */
export const userSecurityStream = (userId: string) => `user-security-${userId}`;
export const UNKNOWN_LOGINS_STREAM = 'security-unknown-logins';

/** `wrong_current_password`: at POST /api/auth/password; `organisation_deactivated`: the right password, a deactivated organisation. */
export type LoginFailure =
  | 'wrong_password'
  | 'wrong_current_password'
  | 'locked'
  | 'deactivated'
  | 'organisation_deactivated'
  | 'rate_limited';

export type SecurityEvent =
  | DomainEvent<'UserLoggedIn', { userId: string; sessionId: string; method: 'password' }>
  | DomainEvent<'UserLoginFailed', { userId: string; reason: LoginFailure }>
  | DomainEvent<'UserLockedOut', { userId: string; until: string; failures: number }>
  | DomainEvent<'UserLoggedOut', { userId: string; sessionId: string; reason: 'logout' | 'password_changed' }>
  | DomainEvent<'ApiTokenIssued', { userId: string; tokenId: string; name: string; expiresAt: string }>
  | DomainEvent<'ApiTokenRevoked', { userId: string; tokenId: string; revokedBy: string }>
  /** The attempted name only where it looks like a username, so a password typed into the wrong field is not kept. */
  | DomainEvent<'UnknownUserLoginFailed', { username: string | null }>;

export const SECURITY_EVENT_TYPES: readonly SecurityEvent['type'][] = [
  'UserLoggedIn',
  'UserLoginFailed',
  'UserLockedOut',
  'UserLoggedOut',
  'ApiTokenIssued',
  'ApiTokenRevoked',
  'UnknownUserLoginFailed',
];
