import type { DocumentItem, DocumentSection, LagesbildDocument } from '@laget/contracts';
import { MASK_MARKER } from '@laget/contracts';
import { DomainError } from '../platform/domain/domain-error.js';
import { canonicalJson, sha256 } from './content-hash.js';
import type { LagesbildState, LagesbildStatus } from './lagesbild-state.js';
import { layoutFor, withheldFromOpen } from './analysis-layout.js';
import { emptyCoordinatorTexts } from './lagesbild-layout.js';
import { maskText, type Span } from './mask-text.js';
import { openStatisticsText } from './open-statistics.js';
import type { MaskRedaction } from './redaction.js';
import { isStale } from './redaction-staleness.js';
import { currentPath, structuralFields, textFields } from './redaction-target.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';
import type { RedactionOverview } from '@laget/contracts';
import { internalOnlyActionSections } from './ongoing-actions-layout.js';

/**
 * The documents a reader gets, derived from state by pure functions. The open version is built
 * field by field from the redacted model: every free-text field passes through its masks, and
 * what is left out is never copied, so no redacted text can reach anyone who may only see it.
 */

function documentStatus(status: LagesbildStatus): LagesbildDocument['status'] {
  switch (status) {
    case 'not_compiled':
      return 'draft';
    case 'publication_requested':
      return 'approved';
    default:
      return status;
  }
}

function requirePeriod(state: LagesbildState): string {
  if (state.period === null) throw new DomainError('not_found', 'The lägesbild has not been compiled yet');
  return state.period;
}

function document(
  state: LagesbildState,
  version: number,
  view: LagesbildDocument['view'],
  sections: DocumentSection[],
): LagesbildDocument {
  const period = requirePeriod(state);
  return {
    id: period,
    period,
    status: documentStatus(state.status),
    revision: state.revision,
    version,
    view,
    sections,
  };
}

/** Everything, for the EST group. A fresh copy: callers may not change the state through it. */
export function internalDocument(state: LagesbildState, version: number): LagesbildDocument {
  return document(state, version, 'internal', structuredClone(state.sections));
}

/** A target-group version: its chosen sections, and in the incident table only its chosen incidents. */
export function audienceDocument(state: LagesbildState, name: string, version: number): LagesbildDocument {
  const audience = state.audiences.find((candidate) => candidate.name === name);
  if (!audience) throw new DomainError('not_found', `There is no audience "${name}"`);
  const chosen = new Set(audience.sectionIds);
  const incidents = audience.incidentIds === null ? null : new Set(audience.incidentIds);
  const sections = state.sections
    .filter((section) => chosen.has(section.id))
    .map((section) => {
      const copy = structuredClone(section);
      if (section.kind === 'incidents' && incidents && copy.items) {
        copy.items = copy.items.filter((item) => incidents.has(item.id));
      }
      return copy;
    });
  return document(state, version, `audience:${name}`, sections);
}

const fieldKey = (sectionId: string, itemId: string | null, field: string) =>
  `${sectionId}\u0000${itemId ?? ''}\u0000${field}`;
const itemKey = (sectionId: string, itemId: string) => `${sectionId}\u0000${itemId}`;

interface OpenPlan {
  excludedSections: Set<string>;
  excludedItems: Set<string>;
  /** Items with at least one mask, so that the other thousand are copied without lookups. */
  maskedItems: Set<string>;
  /** Spans per field; null means the whole field is hidden (a stale mask: fail closed). */
  masks: Map<string, Span[] | null>;
}

function planRedactions(state: LagesbildState): OpenPlan {
  const plan: OpenPlan = {
    excludedSections: new Set(),
    excludedItems: new Set(),
    maskedItems: new Set(),
    masks: new Map(),
  };
  for (const redaction of state.redactions) {
    if (redaction.kind === 'exclude') {
      const { target } = redaction;
      if (target.kind === 'section') plan.excludedSections.add(target.sectionId);
      else plan.excludedItems.add(itemKey(target.sectionId, target.itemId));
      continue;
    }
    const key = fieldKey(redaction.target.sectionId, redaction.target.itemId, redaction.target.field);
    if (redaction.target.itemId !== null)
      plan.maskedItems.add(itemKey(redaction.target.sectionId, redaction.target.itemId));
    const spans = plan.masks.get(key);
    if (spans === null) continue;
    if (isStale(state.sections, redaction)) plan.masks.set(key, null);
    else if (spans) spans.push({ start: redaction.start, end: redaction.end });
    else plan.masks.set(key, [{ start: redaction.start, end: redaction.end }]);
  }
  return plan;
}

function openText(
  plan: OpenPlan,
  sectionId: string,
  itemId: string | null,
  field: string,
  value: string,
): string {
  const spans = plan.masks.get(fieldKey(sectionId, itemId, field));
  if (spans === undefined) return value;
  if (spans === null) return MASK_MARKER;
  return maskText(value, spans);
}

/** A fresh copy (nested objects such as the assessment too) with every free-text field masked. */
function openItem(plan: OpenPlan, sectionId: string, item: DocumentItem): DocumentItem {
  const masked = plan.maskedItems.has(itemKey(sectionId, item.id));
  const copy: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item)) {
    if (typeof value === 'string') {
      copy[field] =
        masked && !structuralFields.has(field) ? openText(plan, sectionId, item.id, field, value) : value;
    } else if (value !== null && typeof value === 'object') {
      copy[field] = { ...value };
    } else {
      copy[field] = value;
    }
  }
  return copy as unknown as DocumentItem;
}

/** A period analysis' open incident rows without the weeks' prose (analysis-layout.ts). */
function withholding(period: string | null, section: DocumentSection, item: DocumentItem): DocumentItem {
  const fields = item as unknown as Record<string, unknown>;
  for (const field of Object.keys(fields)) if (withheldFromOpen(period, section, field)) fields[field] = '';
  return item;
}

/** The open version's sections: masked, with what is left out absent. */
export function openSections(state: LagesbildState): DocumentSection[] {
  const plan = planRedactions(state);
  // Actions not marked public stay internal whatever the redactions say (issue 19).
  const internalOnly = internalOnlyActionSections(state.actions);
  const sections: DocumentSection[] = [];
  for (const section of state.sections) {
    if (plan.excludedSections.has(section.id) || internalOnly.has(section.id)) continue;
    const open: DocumentSection = {
      id: section.id,
      kind: section.kind,
      title: openText(plan, section.id, null, 'title', section.title),
    };
    if (section.organisationId !== undefined) open.organisationId = section.organisationId;
    if (section.text !== undefined) open.text = openText(plan, section.id, null, 'text', section.text);
    if (section.items !== undefined) {
      open.items = section.items
        .filter((item) => !plan.excludedItems.has(itemKey(section.id, item.id)))
        .map((item) => withholding(state.period, section, openItem(plan, section.id, item)));
      if (section.kind === 'police_statistics') {
        const text = openStatisticsText(
          section,
          open.items,
          plan.masks.get(fieldKey(section.id, null, 'text')),
        );
        if (text !== undefined) open.text = text;
      }
    }
    sections.push(open);
  }
  return sections;
}

export function openDocument(state: LagesbildState, version: number): LagesbildDocument {
  return document(state, version, 'open', openSections(state));
}

/** What approval fixes and publication checks: the open content, independent of key order. */
export function openContentHash(state: LagesbildState): string {
  return sha256(canonicalJson({ period: state.period, sections: openSections(state) }));
}

/** Before compile: the week (or period analysis) as it would be compiled now, from the reports submitted so far. */
export function draftDocument(
  period: string,
  reports: readonly SubmittedReportSnapshot[],
  background: string,
): LagesbildDocument {
  return {
    id: period,
    period,
    status: 'draft',
    revision: 0,
    version: 0,
    view: 'draft',
    sections: layoutFor(period, reports, emptyCoordinatorTexts(background), null),
  };
}

/** One redaction as the coordinator's redaction list shows it: part of the HTTP contract. */
export type { RedactionOverview } from '@laget/contracts';

export function redactionOverview(state: LagesbildState): RedactionOverview[] {
  return state.redactions.map((redaction) => {
    const section = state.sections.find((candidate) => candidate.id === redaction.target.sectionId);
    const overview: RedactionOverview = {
      id: redaction.id,
      kind: redaction.kind,
      sectionId: redaction.target.sectionId,
      path: section ? currentPath(section, redaction.target) : null,
      legalGround: redaction.legalGround,
      reason: redaction.reason,
      appliedBy: redaction.appliedBy,
      stale: isStale(state.sections, redaction),
    };
    if (redaction.suggestionKind) overview.suggestionKind = redaction.suggestionKind;
    if (redaction.kind === 'mask') {
      overview.start = redaction.start;
      overview.end = redaction.end;
      if (!overview.stale && section) overview.text = maskedTextOf(section, redaction);
    }
    return overview;
  });
}

function maskedTextOf(section: DocumentSection, redaction: MaskRedaction): string | undefined {
  const field = textFields(section).find(
    (candidate) => candidate.itemId === redaction.target.itemId && candidate.field === redaction.target.field,
  );
  return field?.value.slice(redaction.start, redaction.end);
}
