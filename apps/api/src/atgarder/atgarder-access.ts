import { asSubject, type Action } from '@laget/permissions';
import type { Caller } from '../identity/index.js';
import { DomainError, notFound } from '../platform/domain/domain-error.js';

/**
 * Who may do what with problems and actions, decided on the actual resource (the permission
 * matrix's rows for `Problem` and `ProblemAction`). An action's subject carries its owner
 * organisation as `organisationId`, so the reporter's `ownOrganisation` rows apply to it.
 */

export const problemSubject = (problemId?: string) =>
  asSubject('Problem', problemId === undefined ? {} : { id: problemId });

export const actionSubject = (action: { actionId?: string; ownerOrganisationId: string }) =>
  asSubject('ProblemAction', {
    ...(action.actionId !== undefined ? { id: action.actionId } : {}),
    organisationId: action.ownerOrganisationId,
  });

function forbidden(what: string, details: Record<string, unknown>): DomainError {
  return new DomainError('forbidden', `Du får inte göra detta med ${what} / You may not do this`, details);
}

/** 404 for a problem the caller may not read (the same answer as one that does not exist). */
export function ensureMayReadProblem(caller: Caller, problemId: string): void {
  if (!caller.ability.can('read', problemSubject(problemId))) throw notFound('Problem');
}

/** 403 unless the caller may `action` problems (only the coordinator changes them). */
export function ensureMayChangeProblem(caller: Caller, action: Action, problemId?: string): void {
  if (!caller.ability.can(action, problemSubject(problemId))) throw forbidden('problemet', { action });
}

export function mayReadAction(caller: Caller, action: { actionId?: string; ownerOrganisationId: string }) {
  return caller.ability.can('read', actionSubject(action));
}

/**
 * 403 unless the caller may `action` this action and each of `fields` of it (a reporter may not
 * move an action to another organisation nor make it public).
 */
export function ensureMayChangeAction(
  caller: Caller,
  action: Action,
  target: { actionId?: string; ownerOrganisationId: string },
  fields: readonly string[],
): void {
  const subject = actionSubject(target);
  if (!caller.ability.can(action, subject)) throw forbidden('åtgärden', { action });
  const refused = fields.filter((field) => !caller.ability.can(action, subject, field));
  if (refused.length > 0) throw forbidden('åtgärden', { action, fields: refused });
}
