import { useEffect, useState } from 'react';
import type { PeriodView } from '@laget/contracts';
import { api } from '../http.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { lagesbildApi } from '../lagesbilder/lagesbild-api.js';
import { type LagesbildWaiting, lagesbildWaiting, pickWaitingLagesbild } from './lagesbild-waiting.js';

export interface LagesbildWaitingState {
  /** The compiled week looked at; undefined while loading or when none waits. */
  period?: string;
  items: LagesbildWaiting[];
  error?: string;
}

/**
 * Stale masks and approvals waiting for the newest compiled, unpublished lägesbild. Reads the
 * open view: it carries the status, and unlike the internal view its reads are not logged, so
 * opening the dashboard does not add to the lägesbild's access log.
 */
export function useLagesbildWaiting(enabled: boolean): LagesbildWaitingState {
  const [state, setState] = useState<LagesbildWaitingState>({ items: [] });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    (async () => {
      const { json } = await api<PeriodView[]>('/api/periods?page=1&perPage=12&sort=id&order=DESC');
      const period = pickWaitingLagesbild(Array.isArray(json) ? json : []);
      if (!period) return { items: [] };
      const [document, redactions] = await Promise.all([
        lagesbildApi.document(period.id, 'open'),
        lagesbildApi.redactions(period.id),
      ]);
      return { period: period.id, items: lagesbildWaiting(document, redactions) };
    })().then(
      (next) => !cancelled && setState(next),
      (error: unknown) => !cancelled && setState({ items: [], error: swedishError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return state;
}
