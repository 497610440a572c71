import type { MissingOrganisation } from '@laget/contracts';

/**
 * A compile before the week's deadline answers 409 naming the organisations that have not
 * reported (CONTRACT.md, second wave). The panel reads that answer to ask the coordinator.
 */
export interface EarlyCompileQuestion {
  missingOrganisations: MissingOrganisation[];
  reportingDeadline: string;
}

/** The question in a refused compile, or undefined when the refusal is something else. */
export function earlyCompileQuestion(caught: unknown): EarlyCompileQuestion | undefined {
  const { status, body } = (caught ?? {}) as { status?: number; body?: { details?: unknown } };
  if (status !== 409) return undefined;
  const details = body?.details as Partial<EarlyCompileQuestion> | undefined;
  if (
    !details ||
    !Array.isArray(details.missingOrganisations) ||
    typeof details.reportingDeadline !== 'string'
  )
    return undefined;
  const missingOrganisations = details.missingOrganisations.filter(
    (organisation): organisation is MissingOrganisation =>
      typeof organisation?.id === 'string' && typeof organisation?.name === 'string',
  );
  return { missingOrganisations, reportingDeadline: details.reportingDeadline };
}

/** Whole days, hours and minutes from `now` to `deadline`; all zero once it has passed. */
export function timeLeft(
  deadline: string,
  now: Date = new Date(),
): { days: number; hours: number; minutes: number } {
  const minutesLeft = Math.max(0, Math.floor((new Date(deadline).getTime() - now.getTime()) / 60_000));
  if (Number.isNaN(minutesLeft)) return { days: 0, hours: 0, minutes: 0 };
  return {
    days: Math.floor(minutesLeft / (24 * 60)),
    hours: Math.floor((minutesLeft % (24 * 60)) / 60),
    minutes: minutesLeft % 60,
  };
}
