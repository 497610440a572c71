import { randomUUID } from 'node:crypto';
import type { EventStore } from '@laget/event-store';
import { defineAbilityFor, type Role } from '@laget/permissions';
import type { SignedInCaller } from '../../identity/index.js';
import { lagesbildStreamId } from '../../lagesbild/lagesbild-stream.js';

/**
 * Test helpers shared by the reporting suites: callers as the identity guard would build them,
 * and organisations registered the way the identity module records them (as events).
 */
export function callerFor(userId: string, organisationId: string | null, roles: Role[]): SignedInCaller {
  const actor = { userId, organisationId, roles };
  return {
    actor: { ...actor, username: userId, displayName: userId },
    ability: defineAbilityFor(actor),
    context: { actorId: userId, organisationId, correlationId: randomUUID() },
  };
}

export const SEED_ORGANISATIONS = [
  { id: 'polisen', name: 'Polisen', kind: 'police' },
  { id: 'socialtjansten', name: 'Socialtjänsten', kind: 'social_services' },
  { id: 'skolan', name: 'Skolan', kind: 'school' },
  { id: 'nvk', name: 'NVK', kind: 'municipal_company' },
  { id: 'naringslivet', name: 'Näringslivet', kind: 'business' },
  { id: 'kultur', name: 'Kultur & Fritid', kind: 'culture_leisure' },
  { id: 'samordnaren', name: 'BF-samordnaren', kind: 'coordinator' },
] as const;

export async function registerOrganisations(
  store: EventStore,
  organisations: readonly { id: string; name: string; kind: string }[] = SEED_ORGANISATIONS,
  // Long before any week a test looks at (tests fix their clocks in 2024), so every week expects them.
  registeredAt = '2020-01-06T00:00:00.000Z',
): Promise<void> {
  for (const organisation of organisations) {
    await store.append(
      `organisation-${organisation.id}`,
      [
        {
          type: 'OrganisationRegistered',
          data: { organisationId: organisation.id, name: organisation.name, kind: organisation.kind },
          metadata: {
            actorId: 'system',
            organisationId: null,
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: registeredAt,
          },
        },
      ],
      { expectedVersion: 'any' },
    );
  }
}

/** Records a compile of the week the way the lägesbild module does (its `LagesbildCompiled` fact). */
export async function compileWeek(store: EventStore, period: string): Promise<void> {
  await store.append(
    lagesbildStreamId(period),
    [
      {
        type: 'LagesbildCompiled',
        data: { period, background: '', reports: [], takenVersions: [], by: 'u-bf' },
        metadata: {
          actorId: 'u-bf',
          organisationId: null,
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: new Date().toISOString(),
        },
      },
    ],
    { expectedVersion: 'any' },
  );
}
