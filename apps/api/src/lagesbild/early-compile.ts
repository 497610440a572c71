import type { MissingOrganisation } from '@laget/contracts';
import { conflict } from '../platform/domain/domain-error.js';

/**
 * A compile before the week's reporting deadline closes the week for everyone who has not
 * reported yet. The coordinator must see who that is and confirm; the compile then records that
 * it was early, who confirmed it and whom it left out, and the reporting module keeps the week
 * open for those organisations (their late report is taken in, not moved to another week).
 */

/** What the service knows when a compile is asked for; the decider stays pure. */
export interface CompileTiming {
  /** When the compile was asked for (ISO 8601). */
  at: string;
  /** The week's reporting deadline (ISO 8601). */
  deadline: string;
  /** Active organisations without a submitted report at that moment, by name. */
  missingOrganisations: MissingOrganisation[];
  /** The coordinator has seen who is missing and compiles anyway. */
  confirmEarly: boolean;
}

/** Recorded on `LagesbildCompiled` when the week was compiled before its deadline. */
export interface EarlyCompile {
  deadline: string;
  missingOrganisations: MissingOrganisation[];
  /** Who confirmed compiling without them; null when nobody was missing and there was nothing to confirm. */
  confirmedBy: string | null;
}

/**
 * Null after the deadline (a compile as always). Before it: refused (409, naming the missing
 * organisations) unless confirmed or nobody is missing.
 */
export function earlyCompileOf(timing: CompileTiming | undefined, actorId: string): EarlyCompile | null {
  if (!timing || Date.parse(timing.at) >= Date.parse(timing.deadline)) return null;
  const { deadline, missingOrganisations, confirmEarly } = timing;
  if (missingOrganisations.length > 0 && !confirmEarly) {
    const names = missingOrganisations.map((organisation) => organisation.name).join(', ');
    throw conflict(
      `Tidsfristen för rapporter går ut ${deadline} och ${missingOrganisations.length} organisationer har inte rapporterat (${names}); bekräfta med confirmEarly: true för att sammanställa ändå / ` +
        `The reporting deadline is ${deadline} and ${missingOrganisations.length} organisations have not reported (${names}); send confirmEarly: true to compile anyway`,
      { field: 'confirmEarly', reportingDeadline: deadline, missingOrganisations },
    );
  }
  return {
    deadline,
    missingOrganisations: [...missingOrganisations],
    confirmedBy: confirmEarly ? actorId : null,
  };
}
