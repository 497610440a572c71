import type {
  Amendment,
  ApplyRedactionRequest,
  Audience,
  HistoryEntry,
  JobView,
  LagesbildDocument,
  LagesbildView,
  PublishAnswer,
  RedactionOverview,
  RedactionSuggestion,
} from '@laget/contracts';
import { api } from '../http.js';

/** The lägesbild endpoints of CONTRACT.md, as the workspace uses them. */
const base = (id: string) => `/api/lagesbilder/${encodeURIComponent(id)}`;

export const lagesbildApi = {
  async amendments(id: string): Promise<Amendment[]> {
    const { json } = await api<Amendment[]>(`${base(id)}/amendments`);
    return Array.isArray(json) ? json : [];
  },
  takeIn: (id: string, reportId: string, reason: string, version: number) =>
    api(`${base(id)}/reports/${encodeURIComponent(reportId)}/take-in`, {
      method: 'POST',
      body: { reason },
      ifMatch: version,
    }),
  async document(id: string, view: LagesbildView): Promise<LagesbildDocument> {
    return (await api<LagesbildDocument>(`${base(id)}?view=${encodeURIComponent(view)}`)).json;
  },
  /** `confirmEarly`: compile before the deadline although organisations have not reported (else 409). */
  async compile(period: string, confirmEarly = false): Promise<LagesbildDocument | undefined> {
    return (
      await api<LagesbildDocument | undefined>('/api/lagesbilder', {
        method: 'POST',
        body: confirmEarly ? { period, confirmEarly } : { period },
      })
    ).json;
  },
  editSection: (id: string, sectionId: string, text: string, version: number) =>
    api(`${base(id)}/sections/${encodeURIComponent(sectionId)}`, {
      method: 'PATCH',
      body: { text },
      ifMatch: version,
    }),
  redact: (id: string, request: ApplyRedactionRequest, version: number) =>
    api<{ version: number }>(`${base(id)}/redactions`, { method: 'POST', body: request, ifMatch: version }),
  lift: (id: string, redactionId: string, reason: string, version: number) =>
    api(`${base(id)}/redactions/${encodeURIComponent(redactionId)}`, {
      method: 'DELETE',
      body: { reason },
      ifMatch: version,
    }),
  /** The list of redactions where the API offers it; an API without it answers 404 and the list is hidden. */
  async redactions(id: string): Promise<RedactionOverview[] | undefined> {
    try {
      const { json } = await api<RedactionOverview[]>(`${base(id)}/redactions`);
      return Array.isArray(json) ? json : undefined;
    } catch (caught) {
      if ([404, 405].includes((caught as { status?: number }).status ?? 0)) return undefined;
      throw caught;
    }
  },
  reconfirm: (id: string, redactionId: string, span: { start: number; end: number }, version: number) =>
    api(`${base(id)}/redactions/${encodeURIComponent(redactionId)}/reconfirm`, {
      method: 'POST',
      body: span,
      ifMatch: version,
    }),
  async audiences(id: string): Promise<Audience[]> {
    const { json } = await api<Audience[]>(`${base(id)}/audiences`);
    return Array.isArray(json) ? json : [];
  },
  defineAudience: (id: string, { name, ...audience }: Audience, version: number) =>
    api(`${base(id)}/audiences/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: audience,
      ifMatch: version,
    }),
  removeAudience: (id: string, name: string, version: number) =>
    api(`${base(id)}/audiences/${encodeURIComponent(name)}`, { method: 'DELETE', ifMatch: version }),
  async history(id: string): Promise<HistoryEntry[]> {
    const { json } = await api<HistoryEntry[]>(`${base(id)}/history`);
    return Array.isArray(json) ? json : [];
  },
  retract: (id: string, reason: string, version: number) =>
    api(`${base(id)}/retract`, { method: 'POST', body: { reason }, ifMatch: version }),
  async suggestions(id: string): Promise<RedactionSuggestion[]> {
    const { json } = await api<RedactionSuggestion[]>(`${base(id)}/redaction-suggestions`);
    return Array.isArray(json) ? json : [];
  },
  /** `reason` (optional in the API) goes into the history beside the dismissal. */
  dismiss: (id: string, suggestion: RedactionSuggestion, version: number, reason?: string) =>
    api<{ version: number }>(`${base(id)}/redaction-suggestions/dismiss`, {
      method: 'POST',
      body: {
        sectionId: suggestion.sectionId,
        path: suggestion.path,
        start: suggestion.start,
        end: suggestion.end,
        kind: suggestion.kind,
        ...(reason ? { reason } : {}),
      },
      ifMatch: version,
    }),
  /** `openMapHash`: the open map as the preview showed it (undefined: not seen, nothing sent). */
  approve: (id: string, version: number, openMapHash?: string | null) =>
    api(`${base(id)}/approve`, {
      method: 'POST',
      body: openMapHash === undefined ? {} : { openMapHash },
      ifMatch: version,
    }),
  async publish(
    id: string,
    version: number,
    correction?: { what: string; why: string },
  ): Promise<PublishAnswer> {
    const body = correction ? { correction } : {};
    return (await api<PublishAnswer>(`${base(id)}/publish`, { method: 'POST', body, ifMatch: version })).json;
  },
  async job(jobId: string): Promise<JobView> {
    return (await api<JobView>(`/api/jobs/${encodeURIComponent(jobId)}`)).json;
  },
};
