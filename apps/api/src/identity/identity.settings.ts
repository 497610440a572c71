import { z } from 'zod';

/**
 * Session and login limits. Defaults follow issue 3 (5 failures → 15 minutes' lockout); each can
 * be set from the environment, documented in README ("Configuration").
 */
const schema = z.object({
  LAGET_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LAGET_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(10),
  LAGET_LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LAGET_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Failed logins per client address per 15 minutes, over all usernames. */
  LAGET_LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  /**
   * Read here as lagesbild.settings.ts and publication.settings.ts read them (same rules and
   * default): the municipality's name is a word a password must not lean on, and with four eyes
   * only an admin resets the logins of those who approve.
   */
  LAGET_MUNICIPALITY_NAME: z.string().trim().min(2).max(100).default('Norbergs kommun'),
  LAGET_FOUR_EYES: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
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

  constructor(env: Record<string, string | undefined> = process.env) {
    const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
    const parsed = schema.parse(cleaned);
    this.sessionIdleMs = parsed.LAGET_SESSION_IDLE_MINUTES * 60_000;
    this.sessionAbsoluteMs = parsed.LAGET_SESSION_ABSOLUTE_HOURS * 3_600_000;
    this.lockoutFailures = parsed.LAGET_LOCKOUT_FAILURES;
    this.lockoutMs = parsed.LAGET_LOCKOUT_MINUTES * 60_000;
    this.loginFailuresPerIp = parsed.LAGET_LOGIN_FAILURES_PER_IP;
    this.municipalityName = parsed.LAGET_MUNICIPALITY_NAME;
    this.fourEyes = parsed.LAGET_FOUR_EYES;
  }
}
