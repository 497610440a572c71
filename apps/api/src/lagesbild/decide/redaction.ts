import { conflict, DomainError, ruleBroken } from '../../platform/domain/domain-error.js';
import { sha256 } from '../content-hash.js';
import type {
  LagesbildCommand,
  LagesbildEvent,
  LagesbildPolicy,
  LagesbildState,
} from '../lagesbild-state.js';
import type { ExclusionRedaction, MaskRedaction, Redaction } from '../redaction.js';
import { fieldValue, resolveRedactionPath } from '../redaction-target.js';
import { checkSpan, type CommandOf, findSection, invalid, requireEditable, requireReason } from './guards.js';

/* Redaction: masking a span or leaving an item or section out of the open version, lifting, re-confirming. */

/** A mask over a span of one text field, or an exclusion of an item or section, citing a configured legal ground. */
export function decideApplyRedaction(
  command: CommandOf<LagesbildCommand, 'ApplyRedaction'>,
  state: LagesbildState,
  policy: LagesbildPolicy,
): LagesbildEvent[] {
  requireEditable(state);
  const { redactionId, sectionId, path, target, legalGround, reason, suggestionKind, actorId } = command.data;
  if (!policy.legalGrounds.includes(legalGround)) {
    throw invalid(
      `"${legalGround}" är inte ett av de valbara lagrummen / "${legalGround}" is not one of the configured legal grounds`,
      {
        field: 'legalGround',
        allowed: policy.legalGrounds,
      },
    );
  }
  requireReason(reason);
  if (state.redactions.some((redaction) => redaction.id === redactionId)) {
    throw conflict(`Redaction ${redactionId} already exists`);
  }
  const section = findSection(state, sectionId);
  const resolved = resolveRedactionPath(section, path);
  const common = { id: redactionId, legalGround, reason, appliedBy: actorId };
  let redaction: Redaction;
  if (target.kind === 'mask') {
    if (resolved.kind !== 'field') {
      throw invalid(
        'Maskering gäller en del av en text; för att utesluta en rad eller ett avsnitt, välj uteslut / A mask covers a span of a text field; to leave out an item or section use exclude',
        {
          path,
        },
      );
    }
    const value = fieldValue(section, resolved.itemId, resolved.field) ?? '';
    checkSpan(value, target.start, target.end);
    const mask: MaskRedaction = {
      ...common,
      kind: 'mask',
      target: resolved,
      start: target.start,
      end: target.end,
      anchorHash: sha256(value),
    };
    if (suggestionKind) mask.suggestionKind = suggestionKind;
    redaction = mask;
  } else {
    if (resolved.kind === 'field') {
      throw invalid(
        'Uteslut gäller en hel rad eller ett helt avsnitt; maskera en del av texten i stället / Exclude leaves out a whole item ("/items/<n>") or section (""); mask a span instead',
        {
          path,
        },
      );
    }
    const duplicate = state.redactions.some(
      (existing) =>
        existing.kind === 'exclude' &&
        existing.target.sectionId === resolved.sectionId &&
        (existing.target.kind === 'section'
          ? resolved.kind === 'section'
          : resolved.kind === 'item' && existing.target.itemId === resolved.itemId),
    );
    if (duplicate)
      throw conflict(
        'Det är redan uteslutet ur den öppna versionen / That is already left out of the open version',
      );
    const exclusion: ExclusionRedaction = { ...common, kind: 'exclude', target: resolved };
    if (suggestionKind) exclusion.suggestionKind = suggestionKind;
    redaction = exclusion;
  }
  const applied: LagesbildEvent = { type: 'RedactionApplied', data: { redaction, path, by: actorId } };
  if (!suggestionKind || target.kind !== 'mask') return [applied];
  return [
    {
      type: 'SuggestionAccepted',
      data: {
        redactionId,
        kind: suggestionKind,
        sectionId,
        path,
        start: target.start,
        end: target.end,
        by: actorId,
      },
    },
    applied,
  ];
}

/** Lifts a live redaction, with a reason. */
export function decideLiftRedaction(
  command: CommandOf<LagesbildCommand, 'LiftRedaction'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireEditable(state);
  const { redactionId, reason, actorId } = command.data;
  if (!state.redactions.some((redaction) => redaction.id === redactionId)) {
    throw new DomainError('not_found', `Redaction ${redactionId} was not found (or is already lifted)`);
  }
  requireReason(reason);
  return [{ type: 'RedactionLifted', data: { redactionId, reason, by: actorId } }];
}

/** Anchors a stale mask again on the text as it reads now. */
export function decideReconfirmRedaction(
  command: CommandOf<LagesbildCommand, 'ReconfirmRedaction'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireEditable(state);
  const { redactionId, start, end, actorId } = command.data;
  const redaction = state.redactions.find((candidate) => candidate.id === redactionId);
  if (!redaction) throw new DomainError('not_found', `Redaction ${redactionId} was not found`);
  if (redaction.kind !== 'mask')
    throw invalid('Only masks are anchored to text; exclusions need no re-confirming');
  const section = state.sections.find((candidate) => candidate.id === redaction.target.sectionId);
  const value = section ? fieldValue(section, redaction.target.itemId, redaction.target.field) : undefined;
  if (value === undefined) {
    throw ruleBroken(
      'Texten som maskerades finns inte längre; häv maskeringen i stället / The text this mask covered is gone; lift the redaction instead',
      { redactionId },
    );
  }
  checkSpan(value, start, end);
  return [
    {
      type: 'RedactionReconfirmed',
      data: { redactionId, start, end, anchorHash: sha256(value), by: actorId },
    },
  ];
}
