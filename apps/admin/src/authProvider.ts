import type { AuthProvider } from 'react-admin';
import { canAccess } from './auth/ability.js';
import { ability, currentMe, forget, loadMe } from './auth/session.js';
import { api } from './http.js';

/** Cookie-session authentication against the Läget API (CONTRACT.md, "Authentication"). */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    await api('/api/auth/login', { method: 'POST', body: { username, password } });
    await loadMe(true);
  },

  async logout() {
    if (currentMe()) {
      try {
        await api('/api/auth/logout', { method: 'POST' });
      } catch {
        // An expired session is already logged out.
      }
    }
    forget();
  },

  async checkAuth() {
    await loadMe();
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forget();
      throw new Error('Sessionen har gått ut. Logga in igen.');
    }
    // 403 and the rest are shown where they happen; the person stays logged in.
  },

  async getIdentity() {
    const me = await loadMe();
    return {
      id: me.id,
      fullName: me.displayName || me.username,
      username: me.username,
      organisationId: me.organisationId,
      roles: me.roles,
      mustChangePassword: me.mustChangePassword,
    };
  },

  async getPermissions() {
    const me = await loadMe();
    return me.roles;
  },

  async canAccess(params) {
    await loadMe();
    return canAccess(ability, params);
  },
};
