import type { PeriodView, ReportView } from '@laget/contracts';
import { api } from '../http.js';
import { currentPeriod } from '../shared/week.js';

/**
 * The week a reporter should be working on: the newest period that has started and is open, or
 * was compiled early (its missing reports still come in), or else the newest period at all.
 * A week compiled early never sends its reporters back to an older week. Periods are ISO weeks,
 * so their ids sort in time order.
 */
export function pickReportingPeriod(
  periods: PeriodView[],
  today: string = currentPeriod(),
): PeriodView | undefined {
  const started = periods.filter((p) => p.id <= today).sort((a, b) => b.id.localeCompare(a.id));
  return started.find((p) => p.status === 'open' || p.compiledEarly === true) ?? started[0];
}

export async function loadReportingPeriod(): Promise<PeriodView | undefined> {
  const { json } = await api<PeriodView[]>('/api/periods?page=1&perPage=12&sort=id&order=DESC');
  return pickReportingPeriod(Array.isArray(json) ? json : []);
}

export async function findReport(period: string, organisationId: string): Promise<ReportView | undefined> {
  const query = new URLSearchParams({ period, organisationId });
  const { json } = await api<ReportView[]>(`/api/reports?${query}`);
  return Array.isArray(json) ? json[0] : undefined;
}

/** Opens the organisation's report for the week; where someone else just did, uses theirs. */
export async function openReport(period: string, organisationId: string): Promise<ReportView> {
  try {
    const { json } = await api<ReportView>('/api/reports', {
      method: 'POST',
      body: { period, organisationId },
    });
    return json;
  } catch (caught) {
    if ((caught as { status?: number }).status === 409) {
      const existing = await findReport(period, organisationId);
      if (existing) return existing;
    }
    throw caught;
  }
}
