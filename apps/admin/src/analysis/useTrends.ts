import { useEffect, useState } from 'react';
import type { TrendsAnswer } from '@laget/contracts';
import { api } from '../http.js';

export interface TrendsFilter {
  from: string;
  to: string;
  groupBy: 'category' | 'organisation' | 'place' | 'area';
  measure: 'incidents' | 'severity' | 'police';
  bucket: 'week' | 'month' | 'tertial' | 'year';
  category?: string;
  organisationId?: string;
}

export type TrendsState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; trends: TrendsAnswer };

export function trendsPath(filter: TrendsFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return `/api/analysis/trends?${params.toString()}`;
}

/** One question to GET /api/analysis/trends; asked again when the filter changes. */
export function useTrends(filter: TrendsFilter | null): TrendsState {
  const [state, setState] = useState<TrendsState>({ status: 'loading' });
  const path = filter ? trendsPath(filter) : null;
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<TrendsAnswer>(path, { signal: controller.signal })
      .then(({ json }) => setState({ status: 'done', trends: json }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'error', message: String((error as Error).message) });
      });
    return () => controller.abort();
  }, [path]);
  return state;
}
