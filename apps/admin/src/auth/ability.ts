import { subject as asSubject } from '@casl/ability';
import {
  abilityFromPackedRules,
  type Action,
  type AppAbility,
  type PackedRules,
  type SubjectName,
} from '@laget/permissions';

export type { AppAbility };

/**
 * The panel's copy of the server's permissions, built from the packed CASL rules in
 * `/api/auth/me` by the same library the API guards use. It only decides what to show: the
 * server remains the authority.
 */
export function abilityFor(me: { rules: unknown[] }): AppAbility {
  return abilityFromPackedRules((me.rules ?? []) as PackedRules);
}

/** The CASL subject of each react-admin resource (libs/permissions/src/subjects.ts). */
export const subjectOf: Record<string, SubjectName> = {
  organisations: 'Organisation',
  users: 'User',
  periods: 'Period',
  reports: 'Report',
  incidents: 'Incident',
  lagesbilder: 'Lagesbild',
  redactions: 'Redaction',
  publications: 'Publication',
  audit: 'AuditLog',
  tokens: 'ApiToken',
  jobs: 'Job',
  places: 'Place',
  areas: 'Area',
  retention: 'Retention',
  problems: 'Problem',
  actions: 'ProblemAction',
  outbox: 'Outbox',
  atgardsplaner: 'ActionPlan',
};

/** react-admin's page and button actions as CASL actions; domain actions (submit, approve …) pass through. */
const actionOf: Record<string, Action> = {
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
  const subjectType = subjectOf[params.resource];
  if (!subjectType) return false;
  const action = (actionOf[params.action] ?? params.action) as Action;
  if (params.record) return ability.can(action, asSubject(subjectType, { ...params.record }) as never);
  if (params.action === 'list') return mayList(ability, subjectType);
  return ability.can(action, subjectType);
}

/**
 * A list is worth showing only where some rule grants more than one's own record: "read the own
 * login" (`id` = own id) lets a person see their profile, not the list of logins.
 */
function mayList(ability: AppAbility, subjectType: SubjectName): boolean {
  return ability
    .rulesFor('read', subjectType)
    .some((rule) => !rule.inverted && !(rule.conditions && 'id' in (rule.conditions as object)));
}
