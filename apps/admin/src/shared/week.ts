/**
 * ISO weeks as people say them: the API names a period `2024-W48`, the panel shows "v48 2024".
 * Pure functions on UTC dates so the result never depends on the browser's time zone offset.
 */
export interface IsoWeek {
  year: number;
  week: number;
}

const periodPattern = /^(\d{4})-W(\d{2})$/;

export function parsePeriod(period: string): IsoWeek | undefined {
  const match = periodPattern.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInYear(year)) return undefined;
  return { year, week };
}

export function formatPeriod({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** "v48 2024"; anything that is not a period is returned as it came. */
export function weekLabel(period: string, prefix = 'v'): string {
  const parsed = parsePeriod(period);
  return parsed ? `${prefix}${parsed.week} ${parsed.year}` : period;
}

/** "v48": for a phone's app bar, where the page's heading below carries the year. */
export function weekNumberLabel(period: string, prefix = 'v'): string {
  const parsed = parsePeriod(period);
  return parsed ? `${prefix}${parsed.week}` : period;
}

/** The ISO week a calendar day (in Stockholm, given as y-m-d) belongs to. */
export function isoWeekOf(date: Date): IsoWeek {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday decides the year
  const year = day.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  const week = Math.ceil(((day.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return { year, week };
}

export function weeksInYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53.
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;
}

/** Monday of an ISO week, as a UTC date. */
export function mondayOf({ year, week }: IsoWeek): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = jan4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - weekday + 1 + (week - 1) * 7));
}

/** Today's date as it is in Sweden, for picking "this week". */
export function swedishToday(now: Date = new Date()): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return new Date(`${parts}T00:00:00Z`);
}

/** The reporting week that is current in Sweden: the week that has just passed is reported on. */
export function currentPeriod(now: Date = new Date()): string {
  return formatPeriod(isoWeekOf(swedishToday(now)));
}

export function previousPeriod(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) return period;
  const monday = mondayOf(parsed);
  monday.setUTCDate(monday.getUTCDate() - 7);
  return formatPeriod(isoWeekOf(monday));
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Stockholm',
});
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Stockholm',
});

/** "2 december 2024"; plain dates (`2024-12-02`) are read as that calendar day. */
export function swedishDate(value: string | undefined | null): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** "2 december 2024 kl. 09:30". */
export function swedishDateTime(value: string | undefined | null): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date).replace(' ', ' ');
}

const analysisPattern = /^(\d{4})(?:-(0[1-9]|1[0-2])|-T([1-3]))?$/;

/**
 * A period analysis's id (CONTRACT.md, second wave): a month `2024-11`, a tertial `2025-T1` or a
 * year `2025`; undefined for anything else (weeks included).
 */
export function parseAnalysisPeriod(
  period: string,
): { kind: 'month' | 'tertial' | 'year'; year: number; part: number } | undefined {
  const match = analysisPattern.exec(period.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) return { kind: 'month', year, part: Number(match[2]) };
  if (match[3]) return { kind: 'tertial', year, part: Number(match[3]) };
  return { kind: 'year', year, part: 0 };
}

const monthNames = {
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "v48 2024", "november 2024", "tertial 1 2025", "2025": a lägesbild's period as people say it. */
export function periodLabel(period: string, locale: 'sv' | 'en' = 'sv'): string {
  const analysis = parseAnalysisPeriod(period);
  if (!analysis) return weekLabel(period);
  if (analysis.kind === 'month') return `${monthNames[locale][analysis.part - 1]} ${analysis.year}`;
  if (analysis.kind === 'tertial') return `tertial ${analysis.part} ${analysis.year}`;
  return String(analysis.year);
}
