/** The contract's error body (CONTRACT.md, "Errors"). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  /** On a 500: the request's id (X-Request-Id), which its log lines carry as `reqId`. */
  requestId?: string;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function apiError(statusCode: number, message: string, details?: unknown): ApiErrorBody {
  return {
    statusCode,
    error: reasons[statusCode] ?? 'Error',
    message,
    ...(details === undefined ? {} : { details }),
  };
}
