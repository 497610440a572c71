import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportView } from '@laget/contracts';
import { api } from '../http.js';
import { reportChanges, type ReportChange } from './report-changes.js';

export interface Conflict {
  changes: ReportChange[];
  /** What the person had typed that the server refused, so nothing they wrote is lost. */
  unsavedNarrative?: string;
}

type Request = (current: ReportView) => Promise<{ json: unknown }>;

const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

function isReport(value: unknown): value is ReportView {
  return Boolean(value && typeof value === 'object' && 'incidents' in value && 'version' in value);
}

/**
 * One report being edited. Changes run one at a time, each with `If-Match` of the version the
 * previous one left, so autosave and clicks never race each other; a 409 reloads the report and
 * says what the other person changed.
 */
export function useReport(id: string) {
  const [report, setReport] = useState<ReportView | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [pending, setPending] = useState(0);
  const current = useRef<ReportView | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback((next: ReportView) => {
    current.current = next;
    setReport(next);
  }, []);

  const fetchLatest = useCallback(async () => (await api<ReportView>(reportPath(id))).json, [id]);

  const reload = useCallback(async () => {
    try {
      accept(await fetchLatest());
      setError(undefined);
    } catch (caught) {
      setError(caught as Error);
    }
  }, [accept, fetchLatest]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = useCallback(
    (request: Request, unsavedNarrative?: string): Promise<boolean> => {
      setPending((n) => n + 1);
      const step = queue.current.then(async () => {
        const before = current.current;
        if (!before) return false;
        try {
          const { json } = await request(before);
          accept(isReport(json) ? json : await fetchLatest());
          return true;
        } catch (caught) {
          if ((caught as { status?: number }).status === 409) {
            const latest = await fetchLatest();
            setConflict({ changes: reportChanges(before, latest), unsavedNarrative });
            accept(latest);
            return false;
          }
          throw caught;
        } finally {
          setPending((n) => n - 1);
        }
      });
      queue.current = step.catch(() => undefined);
      return step;
    },
    [accept, fetchLatest],
  );

  const base = reportPath(id);
  return {
    report,
    error,
    conflict,
    saving: pending > 0,
    dismissConflict: () => setConflict(undefined),
    reload,
    edit: (changes: Partial<Pick<ReportView, 'narrative' | 'attendance' | 'statistics'>>) =>
      run((r) => api(base, { method: 'PATCH', body: changes, ifMatch: r.version }), changes.narrative),
    addIncident: (incident: IncidentInput) =>
      run((r) => api(`${base}/incidents`, { method: 'POST', body: incident, ifMatch: r.version })),
    editIncident: (incidentId: string, incident: Partial<IncidentInput>) =>
      run((r) =>
        api(`${base}/incidents/${encodeURIComponent(incidentId)}`, {
          method: 'PATCH',
          body: incident,
          ifMatch: r.version,
        }),
      ),
    removeIncident: (incidentId: string) =>
      run((r) =>
        api(`${base}/incidents/${encodeURIComponent(incidentId)}`, { method: 'DELETE', ifMatch: r.version }),
      ),
    submit: () => run((r) => api(`${base}/submit`, { method: 'POST', body: {}, ifMatch: r.version })),
  };
}

export interface IncidentInput {
  problem: string;
  /** A key of GET /api/incident-categories (`okategoriserad` on old incidents). */
  category: string;
  tags?: string[];
  location: string;
  placeId?: string | null;
  occurredAt: string;
  frequency: string;
  assessment: { severity: number; scope: 'E' | 'A' | 'EA' };
  comment: string;
}
