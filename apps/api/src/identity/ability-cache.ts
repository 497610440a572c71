import {
  defineAbilityFor,
  packAbilityRules,
  type Actor,
  type AppAbility,
  type PackedRules,
} from '@laget/permissions';

/**
 * An ability depends only on the actor's id, organisation and roles, so equal actors share one
 * (built once, never updated). Keyed by all three: a role change makes a new key at the next
 * request. Bounded, since a process serves a municipality's few hundred logins.
 */
const cache = new Map<string, { ability: AppAbility; packed: PackedRules }>();
const LIMIT = 2_000;

function entry(actor: Actor) {
  const key = `${actor.userId}\u0000${actor.organisationId ?? ''}\u0000${[...actor.roles].sort().join(',')}`;
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= LIMIT) cache.clear();
    const ability = defineAbilityFor(actor);
    found = { ability, packed: packAbilityRules(ability) };
    cache.set(key, found);
  }
  return found;
}

export const abilityOf = (actor: Actor): AppAbility => entry(actor).ability;
export const packedRulesOf = (actor: Actor): PackedRules => entry(actor).packed;
