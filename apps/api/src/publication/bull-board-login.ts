import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UsersReadModel } from '../identity/index.js';
import { SESSION_COOKIE } from '../identity/auth.guard.js';
import { ApiTokensStore } from '../identity/api-tokens.store.js';
import { SessionsStore } from '../identity/sessions.store.js';
import { headerOf } from '../platform/http/headers.js';
import type { RequestIdentity } from './queue-operations.js';

/**
 * Who asks for Bull Board, found as the global guard finds it (Bearer token or session cookie),
 * with the identity module's own stores: Bull Board's routes are Fastify's, which the guard never
 * sees (queue-operations.ts).
 */
@Injectable()
export class BullBoardLogin {
  constructor(
    private readonly sessions: SessionsStore,
    private readonly tokens: ApiTokensStore,
    private readonly users: UsersReadModel,
  ) {}

  readonly identify: RequestIdentity = async (request: FastifyRequest) => {
    const authorization = headerOf(request, 'authorization');
    let found: { userId: string; organisationActive: boolean } | null;
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const token = await this.tokens.ownerOf(authorization.slice(7).trim());
      found = token && { userId: token.ownerId, organisationActive: token.organisationActive };
    } else {
      const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      found = cookie ? await this.sessions.find(cookie) : null;
    }
    // As the global guard: a login of a deactivated organisation is refused.
    const user = found?.organisationActive ? await this.users.get(found.userId) : null;
    if (!user || !user.active || user.mustChangePassword) return null;
    return { userId: user.id, roles: user.roles };
  };
}
