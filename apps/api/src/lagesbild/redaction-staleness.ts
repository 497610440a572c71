import type { DocumentSection } from '@laget/contracts';
import { sha256 } from './content-hash.js';
import type { Redaction } from './redaction.js';
import { fieldValue } from './redaction-target.js';

/**
 * A mask was chosen on one exact text. When that text changes (an edit, or a recompile taking in
 * an amended report) its offsets may now cover something else, so the mask is stale: the open
 * version hides the whole field and approval waits until a person re-confirms or lifts it.
 * Exclusions follow their item or section by id and never go stale.
 */
export function isStale(sections: readonly DocumentSection[], redaction: Redaction): boolean {
  if (redaction.kind === 'exclude') return false;
  const section = sections.find((candidate) => candidate.id === redaction.target.sectionId);
  const value = section ? fieldValue(section, redaction.target.itemId, redaction.target.field) : undefined;
  return value === undefined || sha256(value) !== redaction.anchorHash;
}
