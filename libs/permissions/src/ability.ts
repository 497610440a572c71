import {
  createMongoAbility,
  subject as caslSubject,
  type ForcedSubject,
  type MongoAbility,
  type MongoQuery,
  type RawRuleOf,
} from '@casl/ability';
import { packRules, permittedFieldsOf, unpackRules, type PackRule } from '@casl/ability/extra';
import type { Action } from './actions.js';
import type { Actor } from './actor.js';
import { CONDITIONS } from './conditions.js';
import { PERMISSION_MATRIX, type Grantee, type PermissionRow } from './matrix.js';
import type { SubjectInstances, SubjectName } from './subjects.js';

export type AppSubject = SubjectName | (ForcedSubject<SubjectName> & Record<string, unknown>);
export type AppAbility = MongoAbility<[Action, AppSubject], MongoQuery>;
export type AppRawRule = RawRuleOf<AppAbility>;
export type PackedRules = PackRule<AppRawRule>[];

/** The rows that apply to someone with these roles (or to an anonymous visitor when actor is null). */
export function rowsFor(
  actor: Actor | null,
  matrix: readonly PermissionRow[] = PERMISSION_MATRIX,
): PermissionRow[] {
  const grantees = new Set<Grantee>(['anyone']);
  if (actor) {
    grantees.add('authenticated');
    for (const role of actor.roles) grantees.add(role);
  }
  return matrix.filter((row) => grantees.has(row.who));
}

/** The CASL rules for one actor, conditions filled in with the actor's own ids. */
export function rulesFor(
  actor: Actor | null,
  matrix: readonly PermissionRow[] = PERMISSION_MATRIX,
): AppRawRule[] {
  const rules: AppRawRule[] = [];
  for (const row of rowsFor(actor, matrix)) {
    const rule: AppRawRule = { action: [...row.actions], subject: row.subject };
    if (row.when) {
      // Anonymous visitors only meet rows whose conditions do not depend on who asks.
      const conditions = CONDITIONS[row.when].build(actor ?? { userId: '', organisationId: null, roles: [] });
      if (conditions === null) continue;
      rule.conditions = conditions;
    }
    if (row.fields) rule.fields = [...row.fields];
    rules.push(rule);
  }
  return rules;
}

/** The ability the API guards and the admin panel use. */
export function defineAbilityFor(actor: Actor | null): AppAbility {
  return createMongoAbility<AppAbility>(rulesFor(actor));
}

/** Compact rules for `GET /api/auth/me`. */
export function packAbilityRules(ability: AppAbility): PackedRules {
  return packRules(ability.rules as AppRawRule[]);
}

/** The admin panel's side: rebuild the ability from `/api/auth/me`'s `rules`. */
export function abilityFromPackedRules(packed: PackedRules): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules(packed));
}

/** Tags a resource instance with its subject type, typed by what the conditions need. */
export function asSubject<S extends SubjectName>(type: S, instance: SubjectInstances[S]): AppSubject {
  return caslSubject(type, { ...instance }) as unknown as AppSubject;
}

/**
 * The fields of `instance` the actor may change with `action`; every listed field where a rule
 * has no field list. The HTTP layer rejects a body naming a field outside this list.
 */
export function permittedFields(
  ability: AppAbility,
  action: Action,
  subjectInstance: AppSubject,
  allFields: readonly string[],
): string[] {
  return permittedFieldsOf(ability, action, subjectInstance, {
    fieldsFrom: (rule) => rule.fields ?? [...allFields],
  });
}
