import type { MongoQuery } from '@casl/ability';
import type { Actor } from './actor.js';

/**
 * Named conditions on resource instances. Each says in words what it means (for
 * docs/permissions.md) and builds the CASL query for one actor; `null` means the rule cannot
 * apply to this actor at all (e.g. "own organisation" for a login without one), so it is left out
 * rather than matching instances whose organisation is also missing.
 */
export interface ConditionDefinition {
  description: string;
  build: (actor: Actor) => MongoQuery | null;
}

const NON_DRAFT_REPORT = ['submitted', 'amended', 'withdrawn'];

export const CONDITIONS = {
  self: {
    description: 'only the own login (`id` = own user id)',
    build: (a) => ({ id: a.userId }),
  },
  ownToken: {
    description: 'only own tokens (`ownerId` = own user id)',
    build: (a) => ({ ownerId: a.userId }),
  },
  nonAdminUserWithoutFourEyes: {
    description: 'only logins without the admin role, where the municipality does not require four eyes',
    build: () => ({ roles: { $exists: true, $nin: ['admin'] }, fourEyes: { $ne: true } }),
  },
  userWhoDoesNotApprove: {
    description: 'only logins with neither the admin, the reviewer nor the coordinator role',
    build: () => ({ roles: { $exists: true, $nin: ['admin', 'reviewer', 'coordinator'] } }),
  },
  ownOrganisation: {
    description: 'only the own organisation’s (`organisationId` = own organisation)',
    build: (a) => (a.organisationId ? { organisationId: a.organisationId } : null),
  },
  ownOrganisationOpenPeriod: {
    description: 'only the own organisation’s, while the period is open',
    build: (a) => (a.organisationId ? { organisationId: a.organisationId, periodStatus: 'open' } : null),
  },
  nonDraftReport: {
    description: 'only reports that have been submitted (submitted, amended or withdrawn)',
    build: () => ({ status: { $in: NON_DRAFT_REPORT } }),
  },
  openedBySelfOpenPeriod: {
    description: 'only reports the coordinator opened on an organisation’s behalf, while the period is open',
    build: (a) => ({ openedById: a.userId, periodStatus: 'open' }),
  },
  incidentOfNonDraftReport: {
    description: 'only incidents of submitted reports',
    build: () => ({ reportStatus: { $in: NON_DRAFT_REPORT } }),
  },
  incidentOpenedBySelfOpenPeriod: {
    description:
      'only incidents of reports the coordinator opened on an organisation’s behalf, while the period is open',
    build: (a) => ({ reportOpenedById: a.userId, periodStatus: 'open' }),
  },
  internalOrOpenView: {
    description: 'only the internal and open views',
    build: () => ({ view: { $in: ['internal', 'open'] } }),
  },
  internalView: {
    description: 'only the internal view',
    build: () => ({ view: 'internal' }),
  },
  openViewFourEyes: {
    description: 'only the open view, where the municipality requires four eyes',
    build: () => ({ view: 'open', fourEyes: true }),
  },
  audienceOfOwnOrganisation: {
    description: 'audience versions whose audience includes the own organisation',
    build: (a) =>
      a.organisationId ? { view: 'audience', audienceOrganisationIds: { $all: [a.organisationId] } } : null,
  },
  audienceOfOwnRole: {
    description: 'audience versions whose audience includes one of the own roles',
    build: (a) => (a.roles.length > 0 ? { view: 'audience', audienceRoles: { $in: [...a.roles] } } : null),
  },
  publishedOpenView: {
    description: 'only the open view of a published lägesbild',
    build: () => ({ view: 'open', status: 'published' }),
  },
  published: {
    description: 'only published revisions',
    build: () => ({ published: true }),
  },
} satisfies Record<string, ConditionDefinition>;

export type ConditionName = keyof typeof CONDITIONS;
