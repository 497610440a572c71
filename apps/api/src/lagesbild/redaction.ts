import type { SuggestionKind } from '@laget/contracts';
import type { RedactionTarget } from './redaction-target.js';

/**
 * One decision to keep something out of the open version, with its legal ground and reason
 * (the registrar's answer when someone asks why something was masked).
 */
interface RedactionBase {
  id: string;
  legalGround: string;
  reason: string;
  appliedBy: string;
  /** Set when a person accepted one of Läget's suggestions. */
  suggestionKind?: SuggestionKind;
}

/** Hides a span of one text field; anchored to the field's text by hash (see isStale). */
export interface MaskRedaction extends RedactionBase {
  kind: 'mask';
  target: Extract<RedactionTarget, { kind: 'field' }>;
  start: number;
  end: number;
  /** sha256 of the whole field when the span was chosen or last re-confirmed. */
  anchorHash: string;
}

/** Leaves a whole section or item out. Anchored to its id, so it never goes stale. */
export interface ExclusionRedaction extends RedactionBase {
  kind: 'exclude';
  target: Extract<RedactionTarget, { kind: 'section' | 'item' }>;
}

export type Redaction = MaskRedaction | ExclusionRedaction;
