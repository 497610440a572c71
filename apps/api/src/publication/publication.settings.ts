import { z } from 'zod';
import { reportingSettingsFrom } from '../reporting/reporting.settings.js';
import type { MunicipalityProfile } from './lagesbild-labels.js';

/**
 * Publication and reminder settings, read from the environment at start and validated:
 *
 * - `LAGET_MUNICIPALITY_NAME` (default `Norbergs kommun`), `LAGET_MUNICIPALITY_TITLE` (the document
 *   title; default the EST wording), `LAGET_MUNICIPALITY_ABOUT_URL` (the municipality's BRÅ page)
 * - `LAGET_PUBLICATION_WEBHOOK_URL` and `LAGET_PUBLICATION_WEBHOOK_SECRET` (at least 32 characters):
 *   after each publication Läget POSTs a small JSON notice there, signed with HMAC-SHA256
 * - `LAGET_REMINDER_DAYS` (ISO weekdays, e.g. `5,7`; default `5`: Friday), `LAGET_REMINDER_TIME`
 *   (`HH:MM` Swedish time; default `10:00`); `LAGET_REMINDER_DAYS=off` turns reminders off
 */
export interface PublicationSettings {
  municipality: MunicipalityProfile;
  webhook: { url: string; secret: string } | null;
  /** null when reminders are off. */
  reminders: { weekdays: number[]; time: string } | null;
}

const schema = z
  .object({
    LAGET_MUNICIPALITY_NAME: z.string().trim().min(2).max(100).default('Norbergs kommun'),
    LAGET_MUNICIPALITY_TITLE: z.string().trim().min(5).max(200).optional(),
    LAGET_MUNICIPALITY_ABOUT_URL: z.url({ protocol: /^https?$/ }).optional(),
    LAGET_PUBLICATION_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    LAGET_PUBLICATION_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LAGET_REMINDER_DAYS: z
      .string()
      .regex(/^(off|[1-7](,[1-7])*)$/, 'must be ISO weekdays 1–7 separated by commas, or off')
      .default('5'),
    LAGET_REMINDER_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
      .default('10:00'),
  })
  .superRefine((env, ctx) => {
    if (env.LAGET_PUBLICATION_WEBHOOK_URL && !env.LAGET_PUBLICATION_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LAGET_PUBLICATION_WEBHOOK_SECRET'],
        message: 'is required when LAGET_PUBLICATION_WEBHOOK_URL is set (the receiver checks the signature)',
      });
    }
  });

export function publicationSettingsFrom(
  source: Record<string, string | undefined> = process.env,
): PublicationSettings {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== '' && value !== undefined),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      'Invalid publication configuration:\n' +
        parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  const municipality: MunicipalityProfile = {
    name: env.LAGET_MUNICIPALITY_NAME,
    // The meeting line names the månadsmöte; the weekday is the reporting calendar's (one setting).
    meetingWeekday: reportingSettingsFrom(source).meetingWeekday,
  };
  if (env.LAGET_MUNICIPALITY_TITLE) municipality.title = env.LAGET_MUNICIPALITY_TITLE;
  if (env.LAGET_MUNICIPALITY_ABOUT_URL) municipality.aboutUrl = env.LAGET_MUNICIPALITY_ABOUT_URL;
  return {
    municipality,
    webhook:
      env.LAGET_PUBLICATION_WEBHOOK_URL && env.LAGET_PUBLICATION_WEBHOOK_SECRET
        ? { url: env.LAGET_PUBLICATION_WEBHOOK_URL, secret: env.LAGET_PUBLICATION_WEBHOOK_SECRET }
        : null,
    reminders:
      env.LAGET_REMINDER_DAYS === 'off'
        ? null
        : {
            weekdays: [...new Set(env.LAGET_REMINDER_DAYS.split(',').map(Number))].sort(),
            time: env.LAGET_REMINDER_TIME,
          },
  };
}
