import type { DocumentSection } from '@laget/contracts';
import { conflict, DomainError } from '../../platform/domain/domain-error.js';
import type { LagesbildState } from '../lagesbild-state.js';

/** The refusals and checks that several of the lägesbild's commands share. */

export const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', message, details);

export function requireCompiled(state: LagesbildState): void {
  if (state.status === 'not_compiled') {
    throw new DomainError(
      'not_found',
      'Lägesbilden är inte sammanställd än / The lägesbild has not been compiled yet; compile it first',
    );
  }
}

/** Content may change in every state but one: while a publication job holds the approved revision. */
export function requireEditable(state: LagesbildState): void {
  requireCompiled(state);
  if (state.status === 'publication_requested') {
    throw conflict(
      'En publicering pågår; vänta tills den är klar / A publication is in progress; wait until it has completed or failed',
    );
  }
}

export function findSection(state: LagesbildState, sectionId: string): DocumentSection {
  const section = state.sections.find((candidate) => candidate.id === sectionId);
  if (!section) {
    throw invalid(`Okänt avsnitt / Unknown section "${sectionId}"`, {
      sectionId,
      sections: state.sections.map((s) => s.id),
    });
  }
  return section;
}

export function requireReason(reason: string, field = 'reason'): void {
  if (reason.trim().length === 0) throw invalid(`Ange en motivering / A ${field} is required`, { field });
}

export function checkSpan(value: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > value.length) {
    throw invalid(
      `Markeringen ${start}–${end} ligger utanför texten (0–${value.length}) eller är tom / The span ${start}–${end} is not within the text (0–${value.length}) or is empty`,
      {
        start,
        end,
        length: value.length,
      },
    );
  }
}

/** The command of one type, for the per-command decide functions. */
export type CommandOf<Command extends { type: string }, Type extends Command['type']> = Extract<
  Command,
  { type: Type }
>;
