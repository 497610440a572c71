import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { SqlDatabase } from '@laget/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { type Observable, catchError, finalize, from, map, mergeMap, of, throwError } from 'rxjs';
import { idempotentRequest } from '../commands/request-context.js';
import { READ_DB } from '../platform.tokens.js';
import { apiError } from './api-error.js';
import { headerOf } from './headers.js';
import { markIdempotent } from './idempotent-request.js';

export const IDEMPOTENCY_TABLE_DDL = `
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer,
    response jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
  )`;

/** A claim of this process older than this is taken over by a retry (the first attempt hangs). */
export const CLAIM_TAKEOVER_MS = 30_000;

/**
 * The keys this process is answering now, with when it started: a second request with one of
 * them waits for the first (409). Claims in the table that no running request of this process
 * holds belong to another instance or to a process that died; a retry takes them over at once.
 */
const answering = new Map<string, number>();

/**
 * `Idempotency-Key` on POST (CONTRACT.md): the same key and body return the first answer again
 * (`Idempotent-Replayed: true`); the same key with another body is refused (422).
 *
 * The table here, in the read store, binds a key to its body and keeps the answer once there is
 * one; it decides nothing about applying. The command runner records the key with the events it
 * appends, in the same write (docs/adr/0014), so a retry of a command that was applied is found
 * there and answered without applying it again, even when the process died between the append
 * and the answer. A claim without an answer therefore never blocks: only while this very process
 * is still answering the first request (for at most CLAIM_TAKEOVER_MS) does a second get 409.
 * A request that appended nothing and failed frees its key, so a retry is decided afresh.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: { userId: string } }>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const key = headerOf(request, 'idempotency-key');
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (key.length === 0 || key.length > 200) {
      throw new UnprocessableEntityException(
        apiError(422, 'Idempotency-Key must be 1 to 200 characters.', [{ field: 'header.idempotency-key' }]),
      );
    }
    const scope = `${request.actor?.userId ?? 'anonymous'} ${request.method} ${request.url.split('?')[0]}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const successStatus =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    const scopedKey = `${scope} ${key}`;

    return from(this.claim(scope, key, requestHash)).pipe(
      mergeMap((previous) => {
        if (previous) {
          response.status(previous.status_code);
          response.header('Idempotent-Replayed', 'true');
          return of(previous.response);
        }
        const startedAt = answering.get(scopedKey);
        if (startedAt !== undefined && Date.now() - startedAt < CLAIM_TAKEOVER_MS) {
          throw new ConflictException(
            apiError(409, 'A request with this Idempotency-Key is still being processed.'),
          );
        }
        const mine = Date.now();
        answering.set(scopedKey, mine);
        const idempotency = idempotentRequest(scopedKey);
        markIdempotent(request, idempotency);
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.complete(scope, key, requestHash, successStatus, body)).pipe(
              map(() => {
                if (idempotency.replayed) response.header('Idempotent-Replayed', 'true');
                return body;
              }),
            ),
          ),
          catchError((error: unknown) =>
            // Applied and then failed (say, waiting for a projection): the key stays bound, and a
            // retry finds the append and answers it.
            idempotency.appended || idempotency.replayed
              ? throwError(() => error)
              : from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
          finalize(() => {
            if (answering.get(scopedKey) === mine) answering.delete(scopedKey);
          }),
        );
      }),
    );
  }

  /**
   * Binds the key to this body; returns the stored answer when the same request was answered
   * already, null when it is to be handled (first seen, or claimed but not answered).
   */
  private async claim(
    scope: string,
    key: string,
    requestHash: string,
  ): Promise<{ status_code: number; response: unknown } | null> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.rows.length > 0) return null;
    const { rows } = await this.db.query<{
      request_hash: string;
      status_code: number | null;
      response: unknown;
    }>('SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2', [
      scope,
      key,
    ]);
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash);
    if (row.request_hash !== requestHash) {
      throw new UnprocessableEntityException(
        apiError(422, 'This Idempotency-Key was already used with a different request body.', [
          { field: 'header.idempotency-key' },
        ]),
      );
    }
    if (row.status_code === null) return null;
    return { status_code: row.status_code, response: row.response };
  }

  /** Stores the answer; the claim may have been freed meanwhile by a failed twin, hence the upsert. */
  private async complete(
    scope: string,
    key: string,
    requestHash: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (scope, key) DO UPDATE SET status_code = excluded.status_code, response = excluded.response
       WHERE idempotency_keys.status_code IS NULL AND idempotency_keys.request_hash = excluded.request_hash`,
      [scope, key, requestHash, status, JSON.stringify(body ?? null)],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.db.query(
      'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL',
      [scope, key],
    );
  }
}
