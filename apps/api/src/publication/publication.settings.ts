import { z } from 'zod';
import { AppConfig } from '../config/app-config.js';
import { clockTime, type Environment } from '../config/environment.js';
import { reportingSettingsOf } from '../reporting/reporting.settings.js';
import type { MunicipalityProfile } from './lagesbild-labels.js';

/**
 * Publication and reminder settings: publication's part of the one configuration
 * (config/app-config.ts), declared in its manifest. The municipality's name is AppConfig's
 * (LAGET_MUNICIPALITY_NAME), the meeting weekday the reporting calendar's (LAGET_MEETING_WEEKDAY).
 */
export interface PublicationSettings {
  municipality: MunicipalityProfile;
  webhook: { url: string; secret: string } | null;
  /** null when reminders are off. */
  reminders: { weekdays: number[]; time: string } | null;
}

export const publicationSettingsSchema = z
  .object({
    LAGET_MUNICIPALITY_TITLE: z
      .string()
      .trim()
      .min(5)
      .max(200)
      .optional()
      .describe('the document title on PDFs and public pages')
      .meta({ documentedDefault: 'the EST wording' }),
    LAGET_MUNICIPALITY_ABOUT_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("the municipality's BRÅ page, linked from public pages"),
    LAGET_PUBLICATION_WEBHOOK_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('where Läget POSTs a small JSON notice after each publication, signed with HMAC-SHA256'),
    LAGET_PUBLICATION_WEBHOOK_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .describe("the webhook's signing secret (at least 32 characters); required with the URL"),
    LAGET_REMINDER_DAYS: z
      .string()
      .regex(/^(off|[1-7](,[1-7])*)$/, 'must be ISO weekdays 1–7 separated by commas, or off')
      .default('5')
      .describe(
        'ISO weekdays (e.g. `5,7`) on which organisations that have not reported are reminded; `off` turns reminders off',
      ),
    LAGET_REMINDER_TIME: clockTime().default('10:00').describe("the reminders' time, Swedish time"),
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

/** Derived from the one configuration (provided once by PublicationModule). */
export function publicationSettingsOf(config: AppConfig): PublicationSettings {
  const env = config.settingsOf(publicationSettingsSchema);
  const municipality: MunicipalityProfile = {
    name: config.municipalityName,
    // The meeting line names the månadsmöte; the weekday is the reporting calendar's (one setting).
    meetingWeekday: reportingSettingsOf(config).meetingWeekday,
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

/** From these variables alone (tests); throws a ConfigurationError naming a bad one. */
export function publicationSettingsFrom(source: Environment): PublicationSettings {
  return publicationSettingsOf(AppConfig.fromEnvironment(source, [{ settings: publicationSettingsSchema }]));
}
