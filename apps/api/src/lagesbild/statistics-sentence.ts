import type { StatisticItem } from '@laget/contracts';

/**
 * The police paragraph as the seed writes it ("29 händelserapporter, huvudsakligen
 * egeninitierat. 13 ärenden med sammanlagt 21 brott; 2 bedrägeri, 1 sexualbrott (…).") is
 * generated from the statistics rows and nothing else, so that the open version can generate it
 * again from the rows it keeps: a row left out or a note masked is then gone from the sentence
 * too, not only from the table.
 */

const totals = new Set(['handelserapporter', 'arenden', 'brott']);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The statistic rows of one report: its totals first, then its crime categories. */
function reportGroups(items: readonly StatisticItem[]): StatisticItem[][] {
  const groups: StatisticItem[][] = [];
  let current: StatisticItem[] = [];
  for (const item of items) {
    const isTotal = totals.has(item.key);
    // A second report's rows begin where a total repeats or follows categories.
    const startsNew =
      isTotal &&
      current.length > 0 &&
      (item.key === 'handelserapporter' ||
        current.some((row) => row.key === item.key || !totals.has(row.key)));
    if (startsNew) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function reportSentence(rows: readonly StatisticItem[]): string {
  const total = (key: string) => rows.find((row) => row.key === key);
  const reports = total('handelserapporter');
  const cases = total('arenden');
  const crimes = total('brott');
  const categories = rows
    .filter((row) => !totals.has(row.key))
    .map((row) => `${row.count} ${lowerFirst(row.label)}${row.note ? ` (${row.note})` : ''}`);

  const parts: string[] = [];
  if (reports) {
    parts.push(`${reports.count} händelserapporter${reports.note ? `, ${lowerFirst(reports.note)}` : ''}.`);
  }
  const counted =
    cases && crimes
      ? `${cases.count} ärenden med sammanlagt ${crimes.count} brott`
      : cases
        ? `${cases.count} ärenden`
        : crimes
          ? `${crimes.count} brott`
          : '';
  if (counted && categories.length > 0) parts.push(`${counted}; ${categories.join(', ')}.`);
  else if (counted) parts.push(`${counted}.`);
  else if (categories.length > 0) parts.push(`${categories.join(', ')}.`);
  return parts.join(' ');
}

/** The sentence for the rows given, one paragraph per report. */
export function statisticsSentence(items: readonly StatisticItem[]): string {
  return reportGroups(items)
    .map(reportSentence)
    .filter((sentence) => sentence.length > 0)
    .join('\n\n');
}

/** How the note on the händelserapporter total is kept, so that the sentence can say it again. */
export function totalNote(note: string | undefined): string | undefined {
  const cleaned = note?.trim().replace(/\.$/, '');
  return cleaned ? cleaned : undefined;
}
