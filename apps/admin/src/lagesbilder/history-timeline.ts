import type { HistoryEntry } from '@laget/contracts';

/**
 * A lägesbild's history as people read it: one line per event with what happened in words
 * (a message key under `laget.lagesbild.history` and its arguments), the reasons and legal
 * grounds it carries, and before → after for what an event changed where an earlier event
 * says what it was before (a target group's members and sections, a mask's span, a report's
 * version). Texts themselves are not in the history (the API keeps them out on purpose).
 */
export interface TimelineNote {
  /** Key under `laget.lagesbild.history`. */
  label: string;
  value: string;
}

export interface TimelineChange {
  label: string;
  before: string;
  after: string;
}

export interface TimelineEntry {
  key: string;
  at: string;
  actorId: string;
  /** Key under `laget.lagesbild.history`. */
  message: string;
  args: Record<string, string | number>;
  notes: TimelineNote[];
  changes: TimelineChange[];
  /** A read of an internal version, not a change: the page may fold these away. */
  read: boolean;
}

/** Names for the ids events carry, from what the page knows (organisations, sections, translations). */
export interface Namer {
  section(id: string): string;
  organisation(id: string): string;
  role(role: string): string;
  suggestionKind(kind: string): string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const span = (start: unknown, end: unknown) => `${String(start)}–${String(end)}`;
const none = '–';

interface AudienceShape {
  organisationIds: string[];
  roles: string[];
  sectionIds: string[];
}

function joined(ids: string[], name: (id: string) => string): string {
  return ids.length === 0 ? none : ids.map(name).join(', ');
}

/** Oldest first in, newest first out. */
export function historyTimeline(entries: readonly HistoryEntry[], names: Namer): TimelineEntry[] {
  const audiences = new Map<string, AudienceShape>();
  const redactions = new Map<string, { sectionId: string; legalGround: string; span?: string }>();
  const lines: TimelineEntry[] = [];

  for (const entry of [...entries].sort((a, b) => a.position - b.position)) {
    const d = entry.details;
    const line: TimelineEntry = {
      key: String(entry.position),
      at: entry.at,
      actorId: entry.actorId,
      message: 'unknown',
      args: { type: entry.type },
      notes: [],
      changes: [],
      read: false,
    };
    const note = (label: string, value: string) => {
      if (value) line.notes.push({ label, value });
    };

    switch (entry.type) {
      case 'LagesbildCompiled':
        line.message = 'compiled';
        line.args = { smart_count: Array.isArray(d.takenVersions) ? d.takenVersions.length : 0 };
        if (d.early && typeof d.early === 'object') {
          // Compiled before the deadline: who had not reported, and who confirmed going ahead.
          const early = d.early as { missingOrganisations?: unknown; confirmedBy?: unknown };
          const missing = Array.isArray(early.missingOrganisations)
            ? early.missingOrganisations.map((organisation) => str((organisation as { name?: unknown }).name))
            : [];
          line.notes.push({ label: 'compiled_early', value: missing.join(', ') || none });
        }
        break;
      case 'SectionEdited':
        line.message = 'section_edited';
        line.args = { section: names.section(str(d.sectionId)) };
        break;
      case 'AmendedReportFlagged':
        line.message = 'amendment_flagged';
        line.args = { version: num(d.reportVersion) ?? none };
        break;
      case 'ReportTakenIn':
        line.message = 'report_taken_in';
        line.args = { organisation: names.organisation(str(d.organisationId)) };
        line.changes.push({
          label: 'report_version',
          before: num(d.fromVersion) === undefined ? none : String(d.fromVersion),
          after: num(d.toVersion) === undefined ? none : String(d.toVersion),
        });
        note('reason', str(d.reason));
        break;
      case 'AudienceDefined': {
        const name = str(d.name);
        const now: AudienceShape = {
          organisationIds: list(d.organisationIds),
          roles: list(d.roles),
          sectionIds: list(d.sectionIds),
        };
        const before = audiences.get(name);
        line.message = before ? 'audience_changed' : 'audience_created';
        line.args = { name };
        const compare = (label: string, key: keyof AudienceShape, name: (id: string) => string) => {
          const was = joined(before?.[key] ?? [], name);
          const is = joined(now[key], name);
          if (was !== is) line.changes.push({ label, before: was, after: is });
        };
        compare('organisations', 'organisationIds', names.organisation);
        compare('roles', 'roles', names.role);
        compare('sections', 'sectionIds', names.section);
        audiences.set(name, now);
        break;
      }
      case 'AudienceRemoved':
        line.message = 'audience_removed';
        line.args = { name: str(d.name) };
        audiences.delete(str(d.name));
        break;
      case 'RedactionApplied': {
        const sectionId = str(d.sectionId);
        const mask = d.kind === 'mask';
        line.message = mask ? 'masked' : 'excluded';
        line.args = { section: names.section(sectionId) };
        note('legal_ground', str(d.legalGround));
        note('reason', str(d.reason));
        if (d.suggestionKind) note('suggestion', names.suggestionKind(str(d.suggestionKind)));
        redactions.set(str(d.redactionId), {
          sectionId,
          legalGround: str(d.legalGround),
          ...(mask ? { span: span(d.start, d.end) } : {}),
        });
        break;
      }
      case 'SuggestionAccepted':
        line.message = 'suggestion_accepted';
        line.args = { kind: names.suggestionKind(str(d.kind)), section: names.section(str(d.sectionId)) };
        break;
      case 'RedactionLifted': {
        const lifted = redactions.get(str(d.redactionId));
        line.message = 'lifted';
        line.args = { section: lifted ? names.section(lifted.sectionId) : none };
        if (lifted) note('legal_ground', lifted.legalGround);
        note('reason', str(d.reason));
        redactions.delete(str(d.redactionId));
        break;
      }
      case 'RedactionReconfirmed': {
        const known = redactions.get(str(d.redactionId));
        const after = span(d.start, d.end);
        line.message = 'reconfirmed';
        line.args = { section: known ? names.section(known.sectionId) : none };
        line.changes.push({ label: 'span', before: known?.span ?? none, after });
        if (known) known.span = after;
        break;
      }
      case 'SuggestionDismissed':
        line.message = 'suggestion_dismissed';
        line.args = { kind: names.suggestionKind(str(d.kind)), section: names.section(str(d.sectionId)) };
        note('reason', str(d.reason));
        break;
      case 'LagesbildApproved':
        line.message = 'approved';
        line.args = { revision: num(d.revision) ?? none };
        break;
      case 'PublicationRequested': {
        const correction = d.correction as { what?: unknown; why?: unknown } | null | undefined;
        line.message = correction ? 'correction_requested' : 'publication_requested';
        line.args = { number: num(d.publicationNumber) ?? none, revision: num(d.revision) ?? none };
        if (correction) {
          note('correction_what', str(correction.what));
          note('correction_why', str(correction.why));
        }
        break;
      }
      case 'LagesbildPublished':
        line.message = 'published';
        line.args = { number: num(d.publicationNumber) ?? none };
        break;
      case 'PublicationFailed':
        line.message = 'publication_failed';
        line.args = { number: num(d.publicationNumber) ?? none };
        note('error', str(d.error));
        break;
      case 'PublicationRetracted':
        line.message = 'retracted';
        line.args = { number: num(d.publicationNumber) ?? none };
        note('reason', str(d.reason));
        break;
      case 'LagesbildViewRead': {
        const view = str(d.view);
        line.read = true;
        if (view.startsWith('audience:')) {
          line.message = 'read_audience';
          line.args = { name: view.slice('audience:'.length) };
        } else {
          line.message = view === 'draft' ? 'read_draft' : 'read_internal';
          line.args = { revision: num(d.revision) ?? none };
        }
        break;
      }
    }
    lines.push(line);
  }
  return lines.reverse();
}
