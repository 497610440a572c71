import { DEFAULT_CRIME_CATEGORIES, type CrimeCategory } from '@laget/contracts';
import { z } from 'zod';
import { defaultPeriodSettings, type IsoWeekday, type PeriodSettings } from './period.js';

/**
 * The municipality's reporting rules, read from the environment at start and validated:
 *
 * - `LAGET_DEADLINE_DAYS_AFTER_WEEK` (default 1: Monday after the week; 0 = the Sunday, -2 = the Friday)
 * - `LAGET_DEADLINE_TIME` (default `09:00`, Swedish time)
 * - `LAGET_MEETING_WEEKDAY` (1 = Monday … 7 = Sunday; default 1): the EST meeting that discusses a week
 * - `LAGET_CRIME_CATEGORIES`: `key=Label,key=Label,…` replaces the police statistics categories
 * - `LAGET_REPORTING_WEEKS_BACK` (default 4): how many weeks before the running one a reporter may
 *   open a report for (the coordinator may open any week that has started)
 */
export interface ReportingSettings extends PeriodSettings {
  crimeCategories: readonly CrimeCategory[];
  reportingWeeksBack: number;
}

export const DEFAULT_REPORTING_WEEKS_BACK = 4;

export const defaultReportingSettings: ReportingSettings = {
  ...defaultPeriodSettings,
  crimeCategories: DEFAULT_CRIME_CATEGORIES,
  reportingWeeksBack: DEFAULT_REPORTING_WEEKS_BACK,
};

const environment = z.object({
  LAGET_DEADLINE_DAYS_AFTER_WEEK: z.coerce.number().int().min(-6).max(7).optional(),
  LAGET_DEADLINE_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .optional(),
  LAGET_MEETING_WEEKDAY: z.coerce.number().int().min(1).max(7).optional(),
  LAGET_CRIME_CATEGORIES: z
    .string()
    .regex(/^[a-z0-9_]+=[^,=]+(,[a-z0-9_]+=[^,=]+)*$/, 'must be key=Label,key=Label,…')
    .optional(),
  LAGET_REPORTING_WEEKS_BACK: z.coerce.number().int().min(0).max(520).optional(),
});

export function reportingSettingsFrom(
  source: Record<string, string | undefined> = process.env,
): ReportingSettings {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== '' && value !== undefined),
  );
  const parsed = environment.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      'Invalid reporting configuration:\n' +
        parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  return {
    deadline: {
      daysAfterWeek: env.LAGET_DEADLINE_DAYS_AFTER_WEEK ?? defaultPeriodSettings.deadline.daysAfterWeek,
      time: env.LAGET_DEADLINE_TIME ?? defaultPeriodSettings.deadline.time,
    },
    meetingWeekday: (env.LAGET_MEETING_WEEKDAY ?? defaultPeriodSettings.meetingWeekday) as IsoWeekday,
    crimeCategories: env.LAGET_CRIME_CATEGORIES
      ? env.LAGET_CRIME_CATEGORIES.split(',').map((pair) => {
          const [key = '', label = ''] = pair.split('=');
          return { key, label: label.trim() };
        })
      : DEFAULT_CRIME_CATEGORIES,
    reportingWeeksBack: env.LAGET_REPORTING_WEEKS_BACK ?? DEFAULT_REPORTING_WEEKS_BACK,
  };
}
