import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { sv } from 'date-fns/locale';
import { assessmentText, type IncidentItem, type LagesbildView } from '@laget/contracts';
import {
  analysisPeriodLabel,
  monthAnalysedAt,
  tryParseAnalysisPeriod,
} from '../reporting/analysis-period.js';
import {
  calendarOf,
  defaultPeriodSettings,
  parsePeriod,
  type IsoWeekday,
  type PeriodSettings,
} from '../reporting/period.js';

/**
 * The Swedish words the PDF and the public pages share, so that both print the seed's layout
 * the same way. Municipality-specific words come from `MunicipalityProfile`.
 */
export interface MunicipalityProfile {
  /** As written in running text: "Norbergs kommun". */
  name: string;
  /** The document title; defaults to the EST wording with `name`. */
  title?: string;
  /** Where the public site links "more about the work", e.g. the municipality's BRÅ page. */
  aboutUrl?: string;
  /** Weekday of the EST meeting that discusses a week (LAGET_MEETING_WEEKDAY); Monday by default. */
  meetingWeekday?: IsoWeekday;
}

export const timeZone = 'Europe/Stockholm';

/** The six columns of the EST incident form, worded as on the seed's form. */
export const incidentColumns = [
  'Problematik (vad är det som hänt?)',
  'Var någonstans har det hänt? (så exakt som möjligt)',
  'När hände/händer det oftast?',
  'Hur ofta händer det?',
  'Sammanställd bedömning (hur allvarligt är problemet just nu) E=Egen vht A=andra',
  'Kommentar',
] as const;

export const statisticColumns = ['Antal', 'Slag', 'Anmärkning'] as const;

export function documentTitle(profile: MunicipalityProfile): string {
  return profile.title ?? `Lokal lägesbild avseende brottslighet och otrygghet för ${profile.name}`;
}

/** "NORBERGS KOMMUN", as the seed's letterhead. */
export function letterhead(profile: MunicipalityProfile): string {
  return profile.name.toLocaleUpperCase('sv-SE');
}

/** `2024-W48` → `v48 2024`; a period analysis: `2025-03` → `mars 2025`, `2025-T1` → `tertial 1 2025`. */
export function weekLabel(period: string): string {
  const analysis = tryParseAnalysisPeriod(period);
  if (analysis) return analysisPeriodLabel(analysis);
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!match) throw new Error(`Not an ISO week: ${period}`);
  return `v${match[2]} ${match[1]}`;
}

/**
 * The seed's meeting line: "Effektiv samordning för Trygghet v01 – Månadsmöte" when the meeting
 * that discusses the week is the month's first (the extended månadsmöte), else without the suffix.
 */
export function meetingLine(period: string, profile: MunicipalityProfile): string {
  const analysis = tryParseAnalysisPeriod(period);
  if (analysis) {
    const kind = { month: 'Månadsmöte', tertial: 'Tertialanalys', year: 'Årsanalys' }[analysis.kind];
    return `Effektiv samordning för Trygghet – ${kind}, analys av ${analysisPeriodLabel(analysis)}`;
  }
  const { monthlyMeeting } = calendarOf(parsePeriod(period), periodSettingsFor(profile.meetingWeekday ?? 1));
  const line = `Effektiv samordning för Trygghet ${weekLabel(period).split(' ')[0]}`;
  return monthlyMeeting ? `${line} – Månadsmöte` : line;
}

/**
 * The month analysis a week's lägesbild links: the week whose meeting is the month's first (the
 * extended månadsmöte) is where the month gone is analysed. Null for any other week.
 */
export function monthAnalysisOf(period: string, profile: MunicipalityProfile): string | null {
  if (tryParseAnalysisPeriod(period)) return null;
  const calendar = calendarOf(parsePeriod(period), periodSettingsFor(profile.meetingWeekday ?? 1));
  return calendar.monthlyMeeting ? monthAnalysedAt(calendar.meetingOn) : null;
}

// One settings object per weekday, so that calendarOf's per-settings memo is reused.
const settingsByWeekday = new Map<IsoWeekday, PeriodSettings>();
function periodSettingsFor(meetingWeekday: IsoWeekday): PeriodSettings {
  let settings = settingsByWeekday.get(meetingWeekday);
  if (!settings)
    settingsByWeekday.set(meetingWeekday, (settings = { ...defaultPeriodSettings, meetingWeekday }));
  return settings;
}

/** The name of the municipality's BRÅ page as the seed links it: "Brottsförebyggande arbete (BRÅ) – Norbergs kommun". */
export function aboutLinkText(profile: MunicipalityProfile): string {
  return `Brottsförebyggande arbete (BRÅ) – ${profile.name}`;
}

/**
 * The seed's closing line of the open version, with the BRÅ page's address written out (a PDF
 * reader can follow it): null when no page is configured.
 */
export function publishedOnLine(profile: MunicipalityProfile): string | null {
  if (!profile.aboutUrl) return null;
  const genitive = /[sxz]$/.test(profile.name) ? profile.name : `${profile.name}s`;
  return `Rapporten publiceras på ${genitive} hemsida: ${aboutLinkText(profile)}, ${profile.aboutUrl}`;
}

/** "ÖPPEN VERSION", or "INTERN VERSION – <audience>" for a target-group version. */
export function versionLabel(view: LagesbildView, audienceName?: string): string {
  if (view === 'open') return 'ÖPPEN VERSION';
  if (view === 'draft') return 'UTKAST';
  if (view === 'internal') return 'INTERN VERSION';
  return `INTERN VERSION – ${audienceName ?? view.slice('audience:'.length)}`;
}

/** "2 december 2024", in Stockholm time whatever the server's zone. */
export function swedishDate(date: Date): string {
  return format(new TZDate(date.getTime(), timeZone), 'd MMMM yyyy', { locale: sv });
}

/** `2024-12-02`, in Stockholm time, for `<time datetime>` and file names. */
export function isoDate(date: Date): string {
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The assessment column, "3 – E A": the contracts' wording, shared with the admin panel. */
export { assessmentText };

export function incidentCells(item: IncidentItem): string[] {
  return [
    item.problem,
    item.location,
    item.occurredAt,
    item.frequency,
    assessmentText(item.assessment),
    item.comment,
  ];
}

/** Paragraphs are separated by a blank line; single line breaks stay within a paragraph. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
