import type { LoggerService } from '@nestjs/common';

/** Nest logs one line per route at start-up (~100); at info they bury what an operator must see. */
const ROUTE_MAPPING_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver']);

/**
 * Passes everything to `inner`, except Nest's route-mapping lines ("Mapped {/api/…, GET} route"),
 * which go to debug: still there with LOG_LEVEL=debug, out of the way at info.
 */
export class RouteMappingAtDebugLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    if (typeof context === 'string' && ROUTE_MAPPING_CONTEXTS.has(context)) {
      this.inner.debug?.(message, ...params);
      return;
    }
    this.inner.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...params);
  }
}
