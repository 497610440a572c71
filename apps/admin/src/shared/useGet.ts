import { useEffect, useState } from 'react';
import { api } from '../http.js';

export type Loaded<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T };

/**
 * One GET, asked again when the path (or `again`, a version the answer depends on) changes; an
 * older answer never overwrites a newer one. No path: nothing is asked.
 */
export function useGet<T>(path: string | null, again?: unknown): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api<T>(path, { signal: controller.signal })
      .then(({ json }) => setState({ status: 'done', value: json }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: 'error', message: String((error as Error).message) });
      });
    return () => controller.abort();
  }, [path, again]);
  return state;
}

/** One empty list for every render, so an effect that depends on the choices does not run again. */
const none: never[] = [];

/** A list (choices, a register) from one GET; empty while loading or when the read failed. */
export function useChoices<T>(path: string): T[] {
  const loaded = useGet<T[]>(path);
  return loaded.status === 'done' && Array.isArray(loaded.value) ? loaded.value : none;
}
