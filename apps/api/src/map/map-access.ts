import { asSubject } from '@laget/permissions';
import type { SignedInCaller } from '../identity/index.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { mayReadTrends } from '../analysis/queries/index.js';

/** The permission matrix decides who keeps the areas (the coordinator), as for the place register. */
export function ensureMayKeepAreas(
  caller: SignedInCaller,
  action: 'create' | 'update' | 'delete',
  id?: string,
): void {
  if (!caller.ability.can(action, asSubject('Area', id === undefined ? {} : { id }))) {
    throw new DomainError(
      'forbidden',
      'Bara samordnaren ritar områdena / Only the coordinator keeps the areas',
    );
  }
}

/** Every login reads the areas (the reporter's place picker draws them too). */
export function ensureMayReadAreas(caller: SignedInCaller): void {
  if (!caller.ability.can('read', asSubject('Area', {}))) {
    throw new DomainError('forbidden', 'Du får inte läsa områdena / You may not read the areas');
  }
}

/**
 * The map's incidents are internal material (where things happened, by organisation), so they
 * are for whoever reads the internal lägesbild, as the trends: one CASL rule, not a role list.
 */
export function ensureMayReadMap(caller: SignedInCaller): void {
  if (!mayReadTrends(caller)) {
    throw new DomainError('forbidden', 'Du får inte läsa kartan / You may not read the map');
  }
}
