import { useEffect, useState } from 'react';
import { HttpError } from 'react-admin';
import { api } from '../http.js';
import type { ProjectionStall } from '@laget/contracts';
import { stalledProjectionsIn } from './stalled-projections.js';

/** Read models stalled at an event they cannot apply, from `/health/ready` (503 while any is). */
export function useStalledProjections(): ProjectionStall[] {
  const [stalls, setStalls] = useState<ProjectionStall[]>([]);
  useEffect(() => {
    let cancelled = false;
    api('/health/ready').then(
      () => !cancelled && setStalls([]),
      (error: unknown) =>
        !cancelled && setStalls(error instanceof HttpError ? stalledProjectionsIn(error.body) : []),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return stalls;
}
