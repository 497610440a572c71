import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { defineAbilityFor, type Role } from '@laget/permissions';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { apiError } from '../platform/http/api-error.js';

export const BULL_BOARD_PATH = '/admin/queues';

/** Who is asking, found from the request the way the global guard finds it (session cookie or Bearer). */
export type RequestIdentity = (request: FastifyRequest) => Promise<{ roles: Role[]; userId: string } | null>;

/**
 * Bull Board for coordinator and admin, as a Fastify plugin to register at BULL_BOARD_PATH. Its
 * routes are Fastify's own, which Nest's guards never see, so a hook of the plugin's scope checks
 * the login before anything of the board runs. Read-only: retrying or removing jobs from the
 * board would bypass the events that record job outcomes.
 */
export function bullBoardPlugin(
  queues: () => readonly Queue[],
  identify: RequestIdentity,
): FastifyPluginAsync {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  const adapt = (list: readonly Queue[]) =>
    list.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true }));
  let shown = queues();
  const board = createBullBoard({
    queues: adapt(shown),
    // @bull-board/fastify may ship its own copy of @bull-board/api (a patch version apart): same shape.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Läget – jobb' } },
  });
  return async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const who = await identify(request);
      if (!who) return reply.status(401).send(apiError(401, 'Inte inloggad (not logged in)'));
      const ability = defineAbilityFor({ userId: who.userId, organisationId: null, roles: who.roles });
      if (!ability.can('read', 'Job')) {
        return reply
          .status(403)
          .send(apiError(403, 'Endast samordnare och administratörer (coordinator or admin only)'));
      }
      // Features register their job kinds as they start, after the board was made: show them all.
      const now = queues();
      if (now.length !== shown.length) {
        shown = now;
        board.replaceQueues(adapt(shown));
      }
    });
    await scope.register(serverAdapter.registerPlugin());
  };
}

export interface QueueHealth {
  status: 'up' | 'down';
  backend: JobQueue['backend'];
  message?: string;
  counts?: Record<string, number>;
}

/**
 * For `/health/ready`: the job queue answers. With BullMQ, Redis must answer and should run with
 * `maxmemory-policy noeviction` (BullMQ's production guide: evicted keys lose jobs); a different
 * policy is reported but not counted as down.
 */
export async function queueHealth(
  jobs: JobQueue,
  bullmq: { queues: readonly Queue[]; redis: Redis } | null,
  timeoutMs = 2_000,
): Promise<QueueHealth> {
  if (jobs.backend === 'in-process' || !bullmq) {
    try {
      await withTimeout(jobs.getJob('health-probe'), timeoutMs);
      return { status: 'up', backend: jobs.backend };
    } catch (error) {
      return { status: 'down', backend: jobs.backend, message: describe(error) };
    }
  }
  try {
    const counts: Record<string, number> = { waiting: 0, active: 0, delayed: 0, failed: 0 };
    const perQueue = await withTimeout(
      Promise.all(bullmq.queues.map((queue) => queue.getJobCounts('waiting', 'active', 'delayed', 'failed'))),
      timeoutMs,
    );
    for (const one of perQueue)
      for (const [state, n] of Object.entries(one)) counts[state] = (counts[state] ?? 0) + n;
    const policy = await maxmemoryPolicy(bullmq.redis, timeoutMs);
    return {
      status: 'up',
      backend: jobs.backend,
      counts,
      ...(policy && policy !== 'noeviction'
        ? { message: `Redis maxmemory-policy is ${policy}; BullMQ needs noeviction` }
        : {}),
    };
  } catch (error) {
    return { status: 'down', backend: jobs.backend, message: `Redis does not answer: ${describe(error)}` };
  }
}

/** Managed Redis often disables CONFIG; then the policy is simply not known. */
async function maxmemoryPolicy(redis: Redis, timeoutMs: number): Promise<string | null> {
  try {
    const answer = (await withTimeout(redis.config('GET', 'maxmemory-policy'), timeoutMs)) as unknown;
    return Array.isArray(answer) && answer.length > 1 ? String(answer[1]) : null;
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
