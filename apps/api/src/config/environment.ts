import { z } from 'zod';

/**
 * Building blocks for environment variables, shared by the platform's schema (app-config.ts) and
 * the features' settings schemas (their manifests' `settings`), so that a flag or an address is
 * spelled and validated one way everywhere.
 */

/** The variables as the process got them; empty strings count as unset. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Whether Jest runs this (it sets NODE_ENV=test): checks that cost too much in production, such
 * as freezing cached states, run only then. Read here, where Läget reads the environment.
 */
export const underTest = process.env.NODE_ENV === 'test';

/** `1`/`true` or `0`/`false`; unset is off. */
export const booleanFlag = () =>
  z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true');

/** An absolute URL whose scheme is one of `protocols`. */
export const url = (protocols: string[]) =>
  z
    .url({ message: `must be a URL (${protocols.join(', ')})` })
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** A name that can prefix keys or streams: 1–40 characters a–z, 0–9, _ or -. */
export const keyPrefix = () =>
  z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 characters a–z, 0–9, _ or -');

/** `HH:MM`, 00:00–23:59. */
export const clockTime = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** Drops empty and unset variables, so that `FOO=` means the default as an unset FOO does. */
export function setVariables(source: Environment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** A bad configuration: every problem found, each naming its variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`).join('\n'),
    );
  }
}
