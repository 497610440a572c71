import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';

const minutes = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Session and login limits: identity's part of the one configuration (config/app-config.ts),
 * declared in its manifest. Defaults follow issue 3 (5 failures → 15 minutes' lockout).
 * LAGET_MUNICIPALITY_NAME and LAGET_FOUR_EYES are the municipality's (AppConfig): the name is a
 * word a password must not lean on, and with four eyes only an admin resets the logins of those
 * who approve.
 */
export const identitySettingsSchema = z.object({
  LAGET_SESSION_IDLE_MINUTES: minutes(24 * 60, 30).describe(
    'a session ends after this long without a request',
  ),
  LAGET_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(10)
    .describe('and after this long whatever happens'),
  LAGET_LOCKOUT_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('failed logins before a login is locked'),
  LAGET_LOCKOUT_MINUTES: minutes(24 * 60, 15).describe('how long a locked login stays locked'),
  LAGET_LOGIN_FAILURES_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(50)
    .describe('failed logins per client address per 15 minutes, over all usernames'),
});

export class IdentitySettings {
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly lockoutFailures: number;
  readonly lockoutMs: number;
  readonly loginFailuresPerIp: number;
  readonly ipWindowSeconds = 15 * 60;
  readonly municipalityName: string;
  readonly fourEyes: boolean;

  /** Derived from the one configuration (provided once by IdentityModule). */
  constructor(config: AppConfig) {
    const parsed = config.settingsOf(identitySettingsSchema);
    this.sessionIdleMs = parsed.LAGET_SESSION_IDLE_MINUTES * 60_000;
    this.sessionAbsoluteMs = parsed.LAGET_SESSION_ABSOLUTE_HOURS * 3_600_000;
    this.lockoutFailures = parsed.LAGET_LOCKOUT_FAILURES;
    this.lockoutMs = parsed.LAGET_LOCKOUT_MINUTES * 60_000;
    this.loginFailuresPerIp = parsed.LAGET_LOGIN_FAILURES_PER_IP;
    this.municipalityName = config.municipalityName;
    this.fourEyes = config.fourEyes;
  }
}
