import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { WrongExpectedVersionError, isDatabaseUnavailable } from '@laget/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '../domain/domain-error.js';
import { ProjectionLagError, ProjectionStalledError } from '../projections/projection-failures.js';
import { apiError, type ApiErrorBody } from './api-error.js';
import { requestIdOf } from './request-id.js';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  too_many_requests: 429,
};

/**
 * Turns every failure into the contract's error body. Input errors stay 4xx, and Fastify's
 * malformed-JSON and too-large errors name the body as the field at fault.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const requestId = request?.raw ? requestIdOf(request.raw) : undefined;
    const body = this.toBody(exception, requestId);
    const comesBack = body.statusCode === 503 && retryLater(exception);
    // An outage fails every request for a while: one line each, not a stack trace each.
    if (comesBack) this.logger.warn(`${body.message} (${describe(exception)})`);
    // The line names the request's id itself, so the reference a 500 gives the person is found
    // in the log even where the line is written outside the request's own logger.
    else if (body.statusCode >= 500)
      this.logger.error({ err: exception, reqId: requestId }, describe(exception));
    if (reply.sent || reply.raw.headersSent) return;
    if (comesBack) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    else if (exception instanceof DomainError && exception.kind === 'too_many_requests')
      reply.header('Retry-After', String(exception.details?.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
    reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string | undefined): ApiErrorBody {
    if (exception instanceof DomainError) {
      return apiError(statusOfKind[exception.kind], exception.message, exception.details);
    }
    if (exception instanceof WrongExpectedVersionError) {
      return apiError(409, 'The resource was changed by someone else; reload it and try again.', {
        expectedVersion: exception.expected,
        actualVersion: exception.actual,
      });
    }
    if (exception instanceof ProjectionStalledError) return stalledBody(exception);
    if (exception instanceof ProjectionLagError) {
      return apiError(
        503,
        `Läget hinner inte ikapp just nu; försök igen om en stund / Läget's read models are behind; try again shortly (${exception.message})`,
        { projection: exception.projection },
      );
    }
    // The database is restarting, failing over or stopped (docs/adr/0017): nothing was refused,
    // so the client is told to come back rather than that something broke.
    if (isDatabaseUnavailable(exception)) {
      return apiError(
        503,
        'Databasen går inte att nå just nu; försök igen om en stund / The database cannot be reached right now; try again shortly.',
        { unavailable: 'database' },
      );
    }
    const bodyError =
      asBodyError(exception) ?? asBodyError(exception instanceof Error ? exception.cause : null);
    if (bodyError) return bodyError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (
        typeof response === 'object' &&
        response !== null &&
        'statusCode' in response &&
        'message' in response
      ) {
        const r = response as Partial<ApiErrorBody>;
        return apiError(status, String(r.message), r.details);
      }
      return apiError(status, typeof response === 'string' ? response : exception.message);
    }
    return unexpected(requestId);
  }
}

/**
 * An error nobody foresaw: nothing of it reaches the client (it may hold SQL or data), only the
 * request's id, which the person can quote and the log line carries.
 */
function unexpected(requestId: string | undefined): ApiErrorBody {
  const reference = requestId ? ` (referens ${requestId})` : '';
  return {
    ...apiError(
      500,
      `Något gick fel hos oss; felet är loggat${reference} / Something went wrong on our side; it has been logged.`,
    ),
    ...(requestId ? { requestId } : {}),
  };
}

/** Seconds a client is asked to wait before retrying a request that met an outage. */
export const RETRY_AFTER_SECONDS = 5;

/** A 503 that passes by itself (the database back, a read model caught up), unlike a stalled projection. */
function retryLater(exception: unknown): boolean {
  return exception instanceof ProjectionLagError || isDatabaseUnavailable(exception);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A read model stopped at an event it cannot apply: 503 at once, naming it (docs/adr/0016). */
function stalledBody({ stall }: ProjectionStalledError): ApiErrorBody {
  return apiError(
    503,
    `Läsmodellen ${stall.projection} har stannat vid händelse ${stall.position} (${stall.eventType}) och ` +
      `visar inte aktuella uppgifter förrän felet är åtgärdat: ${stall.reason} / The read model ` +
      `${stall.projection} is stalled at event ${stall.position} (${stall.eventType}) and shows no current ` +
      `data until this is put right: ${stall.reason}`,
    { stalledProjections: [stall] },
  );
}

/**
 * Errors of Fastify's body reading: its own carry a `FST_ERR_CTP_…` code (also for malformed
 * JSON, and for `__proto__` keys, which its parser refuses), a SyntaxError a 400 `statusCode`.
 * Nest may hand them over as they are or as an HttpException's cause.
 */
function asBodyError(error: unknown): ApiErrorBody | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  const invalidJson = apiError(400, 'The request body is not valid JSON.', [
    { field: 'body', message: 'invalid JSON' },
  ]);
  if (error instanceof SyntaxError && statusCode === 400) return invalidJson;
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_CTP_')) return null;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidJson;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return apiError(413, 'The request body is too large.', [{ field: 'body', message: 'too large' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return apiError(415, 'The request body must be JSON (Content-Type: application/json).');
    default:
      return apiError(
        typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : 400,
        'The request body could not be read.',
        [{ field: 'body', message: 'unreadable' }],
      );
  }
}
