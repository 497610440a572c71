import { createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import type { Me } from './me.js';

export type AppAbility = MongoAbility;

/**
 * The panel's copy of the server's permissions, built from the packed CASL rules in
 * `/api/auth/me`. It only decides what to show: the server remains the authority.
 */
export function abilityFor(me: Pick<Me, 'rules'>): AppAbility {
  return createMongoAbility(unpackRules(me.rules ?? []));
}

/** CASL subject type for each react-admin resource. */
export const subjectOf: Record<string, string> = {
  organisations: 'Organisation',
  users: 'User',
  periods: 'Period',
  reports: 'Report',
  lagesbilder: 'Lagesbild',
  audit: 'AuditEntry',
  jobs: 'Job',
};

/** react-admin's page and button actions as CASL actions; domain actions pass through. */
const actionOf: Record<string, string> = {
  list: 'read',
  show: 'read',
  export: 'read',
  edit: 'update',
  create: 'create',
  clone: 'create',
  delete: 'delete',
};

export function canAccess(
  ability: AppAbility,
  params: { action: string; resource: string; record?: Record<string, unknown> },
): boolean {
  const subjectType = subjectOf[params.resource] ?? params.resource;
  const action = actionOf[params.action] ?? params.action;
  // The CASL "*" convention of react-admin ("resource.*") means any action.
  if (params.action === '*') return ability.can('manage', subjectType);
  if (params.record) return ability.can(action, asSubject(subjectType, { ...params.record }));
  return ability.can(action, subjectType);
}
