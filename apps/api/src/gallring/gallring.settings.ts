import { z } from 'zod';
import type { RetentionKind } from '@laget/contracts';

/** The dokumenthanteringsplan's defaults (issue 17): months after the week, logins after deactivation. */
export const DEFAULT_RETENTION = {
  report: 24,
  lagesbild: 24,
  login: 12,
  email: 12,
  ip: 12,
  appendKeyDays: 30,
} as const;

export type RetentionRules = Record<RetentionKind, number> & { appendKeyDays: number };

const names = Object.keys(DEFAULT_RETENTION) as (keyof RetentionRules)[];

/** `report=24,login=12`: each named kind's time, the rest at its default. */
export function parseRetention(text: string | undefined): RetentionRules {
  const rules: RetentionRules = { ...DEFAULT_RETENTION };
  for (const part of (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((entry) => entry.trim());
    if (!names.includes(name as keyof RetentionRules) || !/^\d{1,3}$/.test(value ?? ''))
      throw new Error(`${part}: expected one of ${names.join(', ')} = a whole number`);
    rules[name as keyof RetentionRules] = Number(value);
  }
  for (const name of names) if (rules[name] < 1) throw new Error(`${name} must be at least 1`);
  return rules;
}

export const gallringSettings = z.object({
  LAGET_RETENTION: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseRetention(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .describe(
      'how long personal data is kept before the daily gallring shreds it, as `kind=months` separated by commas: `report` and `lagesbild` (internal and target-group versions) after the week, `login` after deactivation, `email` after sending (outbox e-mails too), `ip` (the client IP address every event records) after the month it was recorded in, and `appendKeyDays` (days) for idempotency keys of appends and the answers kept for replays; published open versions are kept (docs/adr/0025, 0034)',
    )
    .meta({ documentedDefault: '`report=24,lagesbild=24,login=12,email=12,ip=12,appendKeyDays=30`' }),
});
