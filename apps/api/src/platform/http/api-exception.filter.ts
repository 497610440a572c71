import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { WrongExpectedVersionError } from '@laget/event-store';
import type { Response } from 'express';
import { DomainError, type DomainErrorKind } from '../domain/domain-error.js';
import { apiError, type ApiErrorBody } from './api-error.js';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

/**
 * Turns every failure into the contract's error body. Input errors stay 4xx, and body-parser's
 * malformed-JSON and too-large errors name the body as the field at fault.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return apiError(statusOfKind[exception.kind], exception.message, exception.details);
    }
    if (exception instanceof WrongExpectedVersionError) {
      return apiError(409, 'The resource was changed by someone else; reload it and try again.', {
        expectedVersion: exception.expected,
        actualVersion: exception.actual,
      });
    }
    // Nest wraps body-parser's errors in an HttpException whose cause is the original.
    const bodyParserError = asBodyParserError(
      exception instanceof HttpException ? exception.cause : exception,
    );
    if (bodyParserError) return bodyParserError;
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
    return apiError(500, 'Something went wrong on our side; it has been logged.');
  }
}

/** body-parser marks its errors with `type` and a 4xx `status`. */
function asBodyParserError(exception: unknown): ApiErrorBody | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (type) {
    case 'entity.parse.failed':
      return apiError(400, 'The request body is not valid JSON.', [
        { field: 'body', message: 'invalid JSON' },
      ]);
    case 'entity.too.large':
      return apiError(413, 'The request body is too large.', [{ field: 'body', message: 'too large' }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return apiError(415, 'The request body must be UTF-8 JSON.');
    default:
      return apiError(status, 'The request body could not be read.');
  }
}
