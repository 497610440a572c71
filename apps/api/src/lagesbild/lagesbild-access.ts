import { asSubject } from '@laget/permissions';
import type { Caller } from '../identity/index.js';
import { DomainError } from '../platform/domain/domain-error.js';

/*
 * How the lägesbild answers a caller without the right: an anonymous visitor learns nothing
 * (404, as if the week did not exist), a login is told it may not (403). The controller checks
 * what depends on the week alone; the handlers that load the lägesbild check what depends on it
 * (the view's status, an audience's members).
 */

export const lagesbildNotVisible = () => new DomainError('not_found', 'Lägesbilden finns inte (not found)');

const notAllowed = () => new DomainError('forbidden', 'Du får inte göra detta (not allowed)');

/** Passes when `allowed`; otherwise 404 for a visitor, 403 for a login. */
export function requireAllowed(caller: Caller, allowed: boolean): void {
  if (allowed) return;
  throw caller.actor ? notAllowed() : lagesbildNotVisible();
}

/** Changing the compiled week's content and target groups (the coordinator's right). */
export function requireMayUpdate(caller: Caller, period: string): void {
  requireAllowed(
    caller,
    caller.ability.can(
      'update',
      asSubject('Lagesbild', { id: period, view: 'internal', status: 'compiled' }),
    ),
  );
}

/** Reading (`read`), making (`create`) or lifting (`delete`) the week's redactions. */
export function requireMayRedact(caller: Caller, period: string, action: 'read' | 'create' | 'delete'): void {
  requireAllowed(caller, caller.ability.can(action, asSubject('Redaction', { lagesbildId: period })));
}
