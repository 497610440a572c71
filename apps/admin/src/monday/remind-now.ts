import type { ComplianceEntry, RemindersRequestedAnswer } from '@laget/contracts';
import { api, newRequestId } from '../http.js';

/** Those the Monday screen lists as not reported: the ones the button reminds. */
export function notReported(entries: readonly ComplianceEntry[]): ComplianceEntry[] {
  return entries.filter((entry) => entry.state === 'missing' || entry.state === 'pending');
}

/**
 * Asks the API to remind these organisations now (`POST /api/periods/:period/reminders`). The
 * screen names exactly those it shows, so the confirmation matches what was asked; one that has
 * reported since comes back in `alreadyReported`. `key` is made once per confirmation, so a
 * retry of the same click is answered without a second round of e-mails.
 */
export async function remindNow(
  period: string,
  organisationIds: readonly string[],
  key: string,
): Promise<RemindersRequestedAnswer> {
  const { json } = await api<RemindersRequestedAnswer>(
    `/api/periods/${encodeURIComponent(period)}/reminders`,
    { method: 'POST', body: { organisationIds }, idempotencyKey: key },
  );
  return json;
}

/** A key for one confirmation: random, from getRandomValues (also on a plain-HTTP LAN address). */
export function newReminderKey(): string {
  return `remind-${newRequestId()}${newRequestId()}`;
}

/**
 * What the confirmation says: how many were reminded and, by name, who had reported already and
 * who has no reporter with an e-mail address (reminded, but nobody there gets it).
 */
export function reminderOutcome(
  answer: Pick<RemindersRequestedAnswer, 'requested' | 'alreadyReported'> &
    Partial<Pick<RemindersRequestedAnswer, 'unreachable'>>,
  entries: readonly Pick<ComplianceEntry, 'organisationId' | 'organisationName'>[],
): { count: number; alreadyReported: string | null; unreachable: string | null } {
  const names = new Map(entries.map((entry) => [entry.organisationId, entry.organisationName]));
  const named = (ids: readonly string[]) =>
    ids.length > 0 ? ids.map((id) => names.get(id) ?? id).join(', ') : null;
  return {
    count: answer.requested,
    alreadyReported: named(answer.alreadyReported),
    unreachable: named(answer.unreachable ?? []),
  };
}
