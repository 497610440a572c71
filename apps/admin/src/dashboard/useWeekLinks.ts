import type { PeriodView } from '@laget/contracts';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { mondayWeek } from '../monday/monday-week.js';
import { hasActivity, lastCompiled } from '../weeks/week-search.js';
import { loadAllWeeks } from '../weeks/weeks-data.js';

/** The seed document's week, filed as demo data where LAGET_DEMO=1 (reporting/demo-week.ts). */
export const DEMO_WEEK = '2024-W48';

export interface WeekLinks {
  /** The week the Monday screen opens on. */
  monday?: string;
  lastCompiled?: string;
  /** The demo week, where there is something in it. */
  demo?: string;
}

/** The weeks the coordinator's card links to, from one read of the week list. */
export function weekLinksOf(
  weeks: readonly (PeriodView & { reported?: number })[],
  now = new Date(),
): WeekLinks {
  const demo = weeks.find((week) => week.id === DEMO_WEEK);
  return {
    monday: mondayWeek(weeks, now),
    lastCompiled: lastCompiled(weeks)?.id,
    demo: demo && hasActivity(demo) ? demo.id : undefined,
  };
}

export function useWeekLinks(): WeekLinks {
  const dataProvider = useDataProvider();
  const { data } = useQuery({
    queryKey: ['weeks', 'dashboard-links'],
    queryFn: ({ signal }) => loadAllWeeks(dataProvider, signal),
    retry: false,
  });
  return data ? weekLinksOf(data) : {};
}
