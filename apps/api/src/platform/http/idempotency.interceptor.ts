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
import { type Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { READ_DB } from '../platform.tokens.js';
import { apiError } from './api-error.js';
import { headerOf } from './headers.js';

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

/**
 * `Idempotency-Key` on POST (CONTRACT.md): the same key and body return the first answer again;
 * the same key with another body is refused (422), and while the first request is still running a
 * second one gets 409. Keys live in the read store so every API instance sees them; a failed
 * request frees its key, so a retry is decided afresh.
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

    return from(this.claim(scope, key, requestHash)).pipe(
      mergeMap((previous) => {
        if (previous) {
          response.status(previous.status_code);
          response.header('Idempotent-Replayed', 'true');
          return of(previous.response);
        }
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.complete(scope, key, successStatus, body)).pipe(mergeMap(() => of(body))),
          ),
          catchError((error: unknown) =>
            from(this.release(scope, key)).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Inserts the key; returns the stored answer when the same request already completed. */
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
    if (row.status_code === null) {
      throw new ConflictException(
        apiError(409, 'A request with this Idempotency-Key is still being processed.'),
      );
    }
    return { status_code: row.status_code, response: row.response };
  }

  private async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      'UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb WHERE scope = $1 AND key = $2',
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.db.query(
      'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL',
      [scope, key],
    );
  }
}
