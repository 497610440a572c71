import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { defineAbilityFor, type Role } from '@laget/permissions';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { apiError } from '../platform/http/api-error.js';

export const BULL_BOARD_PATH = '/admin/queues';

/** Who is asking, found from the request the way the global guard finds it (session cookie or Bearer). */
export type RequestIdentity = (request: Request) => Promise<{ roles: Role[]; userId: string } | null>;

/**
 * Bull Board for coordinator and admin. It is raw Express middleware that Nest's guards never see,
 * so this handler checks the login itself before anything of the board runs. Read-only: retrying
 * or removing jobs from the board would bypass the events that record job outcomes.
 */
export function bullBoardHandler(queues: readonly Queue[], identify: RequestIdentity): RequestHandler {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    // @bull-board/express ships its own copy of @bull-board/api (a patch version apart): same shape.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Läget – jobb' } },
  });
  const board = serverAdapter.getRouter() as RequestHandler;
  return (request: Request, response: Response, next: NextFunction) => {
    identify(request).then(
      (who) => {
        if (!who) {
          response.status(401).json(apiError(401, 'Inte inloggad (not logged in)'));
          return;
        }
        const ability = defineAbilityFor({ userId: who.userId, organisationId: null, roles: who.roles });
        if (!ability.can('read', 'Job')) {
          response
            .status(403)
            .json(apiError(403, 'Endast samordnare och administratörer (coordinator or admin only)'));
          return;
        }
        board(request, response, next);
      },
      (error: unknown) => next(error),
    );
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
    return { status: 'down', backend: jobs.backend, message: describe(error) };
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
