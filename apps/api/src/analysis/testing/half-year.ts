import { addWeeks, formatPeriod, parsePeriod } from '../../reporting/period.js';

/** Sends one request and answers the body; throws on an unexpected status (the kits do). */
export type Send = (method: 'POST' | 'PATCH', path: string, body: unknown) => Promise<{ id?: string }>;

const CATEGORIES = ['skadegorelse', 'klotter', 'nedskrapning', 'ungdomar-i-grupp', 'narkotika'] as const;

/**
 * A generated half year after the demo week (issue 18, "done when"): 26 weeks from 2024-W49 on,
 * each of `organisationIds` filing a few categorised incidents, skadegörelse rising towards the
 * summer, and nobody reporting in week 2025-W01 (Christmas), so that week is missing, not zero.
 * Filed by a coordinator, who may open any week that has started.
 */
export async function fileHalfYear(
  send: Send,
  organisationIds: readonly string[],
  options: { first?: string; weeks?: number } = {},
): Promise<{ weeks: string[]; missing: string }> {
  const first = parsePeriod(options.first ?? '2024-W49');
  const weeks = Array.from({ length: options.weeks ?? 26 }, (_, n) => formatPeriod(addWeeks(first, n)));
  const missing = '2025-W01';
  for (const [w, period] of weeks.entries()) {
    if (period === missing) continue;
    for (const [o, organisationId] of organisationIds.entries()) {
      const report = await send('POST', '/api/reports', { period, organisationId });
      const count = 1 + ((w + o) % 3) + (o === 0 ? Math.floor(w / 6) : 0);
      for (let i = 0; i < count; i += 1) {
        const category = o === 0 && i > 0 ? 'skadegorelse' : CATEGORIES[(w + o + i) % CATEGORIES.length]!;
        await send('POST', `/api/reports/${report.id}/incidents`, {
          problem: `Händelse ${i + 1} vecka ${period}`,
          category,
          assessment: { severity: 1 + ((w + i) % 5), scope: 'A' },
        });
      }
      await send('POST', `/api/reports/${report.id}/submit`, {});
    }
  }
  return { weeks, missing };
}
