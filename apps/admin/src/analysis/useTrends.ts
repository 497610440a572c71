import type { TrendsAnswer } from '@laget/contracts';
import { type Loaded, useGet } from '../shared/useGet.js';

export interface TrendsFilter {
  from: string;
  to: string;
  groupBy: 'category' | 'organisation' | 'place' | 'area';
  measure: 'incidents' | 'severity' | 'police';
  bucket: 'week' | 'month' | 'tertial' | 'year';
  category?: string;
  organisationId?: string;
}

export type TrendsState = Loaded<TrendsAnswer>;

export function trendsPath(filter: TrendsFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return `/api/analysis/trends?${params.toString()}`;
}

/** One question to GET /api/analysis/trends; asked again when the filter changes. */
export function useTrends(filter: TrendsFilter | null): TrendsState {
  return useGet<TrendsAnswer>(filter ? trendsPath(filter) : null);
}
