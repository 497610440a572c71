import {
  DEFAULT_CRIME_CATEGORIES,
  DEFAULT_INCIDENT_CATEGORIES,
  type CrimeCategory,
  type IncidentCategory,
} from '@laget/contracts';
import { z } from 'zod';
import { AppConfig } from '../config/app-config.js';
import { clockTime, type Environment } from '../config/environment.js';
import { defaultPeriodSettings, type IsoWeekday, type PeriodSettings } from './period.js';

/**
 * The municipality's reporting rules: reporting's part of the one configuration
 * (config/app-config.ts), declared in its manifest.
 */
export interface ReportingSettings extends PeriodSettings {
  crimeCategories: readonly CrimeCategory[];
  incidentCategories: readonly IncidentCategory[];
  reportingWeeksBack: number;
}

export const DEFAULT_REPORTING_WEEKS_BACK = 4;

export const defaultReportingSettings: ReportingSettings = {
  ...defaultPeriodSettings,
  crimeCategories: DEFAULT_CRIME_CATEGORIES,
  incidentCategories: DEFAULT_INCIDENT_CATEGORIES,
  reportingWeeksBack: DEFAULT_REPORTING_WEEKS_BACK,
};

export const reportingSettingsSchema = z.object({
  LAGET_DEADLINE_DAYS_AFTER_WEEK: z.coerce
    .number()
    .int()
    .min(-6)
    .max(7)
    .default(defaultPeriodSettings.deadline.daysAfterWeek)
    .describe(
      "the reporting deadline's day, counted from the Sunday that ends the week (1 = Monday after it, 0 = the Sunday, -2 = the Friday)",
    ),
  LAGET_DEADLINE_TIME: clockTime()
    .default(defaultPeriodSettings.deadline.time)
    .describe("the deadline's time, Swedish time"),
  LAGET_MEETING_WEEKDAY: z.coerce
    .number()
    .int()
    .min(1)
    .max(7)
    .default(defaultPeriodSettings.meetingWeekday)
    .describe(
      "the EST meeting's weekday (1 = Monday … 7 = Sunday); the first meeting of a month is the månadsmöte",
    ),
  LAGET_CRIME_CATEGORIES: z
    .string()
    .regex(/^[a-z0-9_]+=[^,=]+(,[a-z0-9_]+=[^,=]+)*$/, 'must be key=Label,key=Label,…')
    .optional()
    .describe("`key=Label,key=Label,…` for the police statistics, in place of the seed's categories")
    .meta({ documentedDefault: "the seed's categories" }),
  LAGET_INCIDENT_CATEGORIES: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*=[^,=]+(,[a-z0-9][a-z0-9_-]*=[^,=]+)*$/, 'must be key=Label,key=Label,…')
    .refine((value) => !value.split(',').some((pair) => pair.startsWith('okategoriserad=')), {
      message: 'okategoriserad is the category of old incidents and cannot be configured',
    })
    .optional()
    .describe(
      '`key=Label,key=Label,…` for the incident categories a reporter picks from (ASCII keys, Swedish labels)',
    )
    .meta({ documentedDefault: 'skadegörelse, klotter, … övrigt (issue 18)' }),
  LAGET_REPORTING_WEEKS_BACK: z.coerce
    .number()
    .int()
    .min(0)
    .max(520)
    .default(DEFAULT_REPORTING_WEEKS_BACK)
    .describe(
      "a reporter may open the running week's report and this many weeks back; the coordinator any week that has started",
    ),
});

/** Derived from the one configuration (provided once by ReportingModule). */
export function reportingSettingsOf(config: AppConfig): ReportingSettings {
  const env = config.settingsOf(reportingSettingsSchema);
  return {
    deadline: { daysAfterWeek: env.LAGET_DEADLINE_DAYS_AFTER_WEEK, time: env.LAGET_DEADLINE_TIME },
    meetingWeekday: env.LAGET_MEETING_WEEKDAY as IsoWeekday,
    crimeCategories: env.LAGET_CRIME_CATEGORIES
      ? categoriesOf(env.LAGET_CRIME_CATEGORIES)
      : DEFAULT_CRIME_CATEGORIES,
    incidentCategories: env.LAGET_INCIDENT_CATEGORIES
      ? categoriesOf(env.LAGET_INCIDENT_CATEGORIES)
      : DEFAULT_INCIDENT_CATEGORIES,
    reportingWeeksBack: env.LAGET_REPORTING_WEEKS_BACK,
  };
}

function categoriesOf(list: string): CrimeCategory[] {
  return list.split(',').map((pair) => {
    const [key = '', label = ''] = pair.split('=');
    return { key, label: label.trim() };
  });
}

/** From these variables alone (tests); throws a ConfigurationError naming a bad one. */
export function reportingSettingsFrom(source: Environment): ReportingSettings {
  return reportingSettingsOf(AppConfig.fromEnvironment(source, [{ settings: reportingSettingsSchema }]));
}
