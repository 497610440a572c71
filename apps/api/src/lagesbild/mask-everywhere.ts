import { DomainError, ruleBroken } from '../platform/domain/domain-error.js';
import type {
  LagesbildCommand,
  LagesbildEvent,
  LagesbildState,
  MaskEverywhereCommand,
} from './lagesbild-state.js';

export type { MaskEverywhereCommand } from './lagesbild-state.js';
import { maskedRegions } from './mask-text.js';
import { isStale } from './redaction-staleness.js';
import { textFields } from './redaction-target.js';

/**
 * "Maskera alla förekomster". A mask on one occurrence of a name once left the same name
 * standing in another organisation's report, and it was published. This command masks every
 * occurrence of the text in the whole document (left-out parts too, in case they are taken back
 * in): each occurrence becomes its own recorded redaction, through the same rules as a single
 * mask, all with the one legal ground and reason the coordinator chose.
 */
export interface Occurrence {
  sectionId: string;
  path: string;
  start: number;
  end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the text stands as a whole word or phrase, or its genitive (case-insensitive: "ANNA" is
 * the same name),
 * in document order; `covered` tells whether a live mask already hides that occurrence.
 */
export function occurrencesOf(state: LagesbildState, text: string): Array<Occurrence & { covered: boolean }> {
  const needle = text.normalize('NFC').trim();
  if (needle.length === 0) return [];
  // A whole word or phrase, with a Swedish genitive too ("Kalle Anderssons", "NVK:s").
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?::?s)?(?![\\p{L}\\p{N}])`, 'giu');
  const found: Array<Occurrence & { covered: boolean }> = [];
  for (const section of state.sections) {
    for (const field of textFields(section)) {
      const masks = state.redactions.filter(
        (redaction) =>
          redaction.kind === 'mask' &&
          redaction.target.sectionId === section.id &&
          redaction.target.itemId === field.itemId &&
          redaction.target.field === field.field &&
          !isStale(state.sections, redaction),
      );
      const regions = maskedRegions(
        field.value,
        masks.flatMap((mask) => (mask.kind === 'mask' ? [{ start: mask.start, end: mask.end }] : [])),
      );
      for (const match of field.value.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        found.push({
          sectionId: section.id,
          path: field.path,
          start,
          end,
          covered: regions.some((region) => region.start <= start && end <= region.end),
        });
      }
    }
  }
  return found;
}

export function decideMaskEverywhere(
  command: MaskEverywhereCommand,
  state: LagesbildState,
  decide: (command: LagesbildCommand, state: LagesbildState) => LagesbildEvent[],
  evolve: (state: LagesbildState, event: LagesbildEvent) => LagesbildState,
): LagesbildEvent[] {
  if (state.status === 'not_compiled') {
    throw new DomainError(
      'not_found',
      'Lägesbilden är inte sammanställd än / The lägesbild has not been compiled yet; compile it first',
    );
  }
  const { text, legalGround, reason, redactionIdPrefix, actorId } = command.data;
  const occurrences = occurrencesOf(state, text);
  if (occurrences.length === 0) {
    throw ruleBroken('Texten finns inte i lägesbilden / The text does not occur in the lägesbild', {
      field: 'text',
    });
  }
  const open = occurrences.filter((occurrence) => !occurrence.covered);
  if (open.length === 0) {
    throw ruleBroken('Alla förekomster är redan maskerade / Every occurrence of the text is already masked', {
      field: 'text',
      occurrences: occurrences.length,
    });
  }
  const events: LagesbildEvent[] = [];
  let current = state;
  open.forEach((occurrence, index) => {
    const decided = decide(
      {
        type: 'ApplyRedaction',
        data: {
          redactionId: `${redactionIdPrefix}-${index + 1}`,
          sectionId: occurrence.sectionId,
          path: occurrence.path,
          target: { kind: 'mask', start: occurrence.start, end: occurrence.end },
          legalGround,
          reason,
          actorId,
        },
      },
      current,
    );
    events.push(...decided);
    current = decided.reduce(evolve, current);
  });
  return events;
}
