/**
 * "När hände det?" is free text on the EST form: people write "250107", "7/1 kl 22",
 * "3–5 jan" or "helger, kvällstid". We always keep what they wrote and add a structured date or
 * range where the text parses unambiguously, so that incidents can be placed on a timeline later.
 */
export type ParsedOccurrence =
  { kind: 'date'; on: string; time?: string } | { kind: 'range'; from: string; to: string };

export interface OccurredAt {
  raw: string;
  parsed: ParsedOccurrence | null;
}

/** The week the report is about; dates written without a year are taken to lie near it. */
export interface ReferenceWeek {
  startsOn: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  mar: 3,
  mars: 3,
  apr: 4,
  april: 4,
  maj: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  aug: 8,
  augusti: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function parseOccurredAt(raw: string, reference?: ReferenceWeek): OccurredAt {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return { raw, parsed: text === '' ? null : parseText(text, reference) };
}

function parseText(text: string, reference: ReferenceWeek | undefined): ParsedOccurrence | null {
  const { rest, time } = splitTime(text);
  const single = parseDay(rest, reference);
  if (single) return time ? { kind: 'date', on: format(single), time } : { kind: 'date', on: format(single) };
  if (time) return null;
  return parseRange(rest, reference);
}

/** Takes a clock time ("kl 22", "22:30", "kl. 7.15") off the end of the text. */
function splitTime(text: string): { rest: string; time: string | null } {
  const match = /^(.*?)[ ,]*(?:kl\.? ?(\d{1,2})(?:[:.](\d{2}))?|(\d{1,2})[:.](\d{2}))$/.exec(text);
  if (!match || !match[1]) return { rest: text, time: null };
  const hours = Number(match[2] ?? match[4]);
  const minutes = Number(match[3] ?? match[5] ?? 0);
  if (hours > 23 || minutes > 59) return { rest: text, time: null };
  return { rest: match[1].trim(), time: `${pad(hours)}:${pad(minutes)}` };
}

function parseRange(text: string, reference: ReferenceWeek | undefined): ParsedOccurrence | null {
  // Try every separator: "2024-11-25-2024-11-27" has hyphens inside its dates too.
  for (const separator of text.matchAll(/ ?(?:–|—|-|till) ?/g)) {
    const left = text.slice(0, separator.index);
    const right = text.slice(separator.index + separator[0].length);
    const range = rangeOf(left, right, reference);
    if (range) return range;
  }
  return null;
}

function rangeOf(left: string, right: string, reference: ReferenceWeek | undefined): ParsedOccurrence | null {
  let to = parseDay(right, reference);
  // "3-5 jan", "3/1-5/1": the left side borrows the month (and year) of the right.
  const from =
    parseDay(left, reference) ??
    (to && /^\d{1,2}$/.test(left) ? validDay(to.year, to.month, Number(left)) : null);
  if (!from || !to) return null;
  if (from.month > to.month && from.year === to.year && !/\d{4}|\d{6}/.test(right)) {
    // "28 dec-2 jan": the range crosses a year end.
    to = validDay(from.year + 1, to.month, to.day);
  }
  if (!to || compare(from, to) > 0) return null;
  if (compare(from, to) === 0) return { kind: 'date', on: format(from) };
  return { kind: 'range', from: format(from), to: format(to) };
}

function parseDay(text: string, reference: ReferenceWeek | undefined): CalendarDay | null {
  let match = /^(\d{2})(\d{2})(\d{2})$/.exec(text); // 250107: YYMMDD as Swedish forms write it
  if (match) return validDay(2000 + Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text); // 2025-01-07, 20250107
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})(?:[ /-]?(\d{2}|\d{4}))?$/.exec(text); // 7/1, 7/1 2025
  if (match) return withYear(Number(match[1]), Number(match[2]), match[3], reference);
  match = /^(\d{1,2})(?::e|:a)? ([a-zåäö]+)\.?(?: (\d{4}))?$/.exec(text); // 7 jan, 7:e januari 2025
  if (match) {
    // Own keys only: a reporter's "7 constructor" names no month.
    const month = Object.hasOwn(MONTHS, match[2] ?? '') ? MONTHS[match[2] ?? ''] : undefined;
    return month ? withYear(Number(match[1]), month, match[3], reference) : null;
  }
  return null;
}

function withYear(
  day: number,
  month: number,
  year: string | undefined,
  reference: ReferenceWeek | undefined,
) {
  if (year) return validDay(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  if (!reference) return null;
  // Without a year, take the candidate nearest the reported week (a December date in a January week is last year's).
  const anchor = Date.parse(reference.startsOn);
  const base = Number(reference.startsOn.slice(0, 4));
  const candidates = [base - 1, base, base + 1]
    .map((y) => validDay(y, month, day))
    .filter((d): d is CalendarDay => d !== null);
  candidates.sort(
    (a, b) => Math.abs(Date.parse(format(a)) - anchor) - Math.abs(Date.parse(format(b)) - anchor),
  );
  return candidates[0] ?? null;
}

function validDay(year: number, month: number, day: number): CalendarDay | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { year, month, day };
}

function compare(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number) => String(n).padStart(2, '0');
const format = (d: CalendarDay) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
