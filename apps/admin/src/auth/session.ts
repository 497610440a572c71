import { createMongoAbility } from '@casl/ability';
import { unpackRules } from '@casl/ability/extra';
import type { AppRawRule, PackedRules } from '@laget/permissions';
import { api, setCsrfToken } from '../http.js';
import type { AppAbility } from './ability.js';
import type { Me } from './me.js';

/**
 * The logged-in person as the server sees them. One ability instance lives for the whole app and
 * is updated in place, so @casl/react re-renders whatever depends on it after login or logout.
 */
export const ability: AppAbility = createMongoAbility<AppAbility>([]);

let current: Me | undefined;
let loading: Promise<Me> | undefined;

export function currentMe(): Me | undefined {
  return current;
}

/** Loads `/api/auth/me` once and shares it; `refresh` asks again (after login, password change). */
export function loadMe(refresh = false): Promise<Me> {
  if (current && !refresh) return Promise.resolve(current);
  if (!loading || refresh) {
    loading = api<Me>('/api/auth/me')
      .then(({ json }) => {
        remember(json);
        return json;
      })
      .finally(() => {
        loading = undefined;
      });
  }
  return loading;
}

export function remember(me: Me): void {
  current = me;
  setCsrfToken(me.csrfToken ?? undefined);
  ability.update(unpackRules<AppRawRule>((me.rules ?? []) as PackedRules));
}

export function forget(): void {
  current = undefined;
  setCsrfToken(undefined);
  ability.update([]);
}
