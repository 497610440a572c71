import type { INestApplication, LoggerService } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../http/api-error.js';

/** Seconds a client refused during shutdown is told to wait: another instance or the restarted one answers by then. */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 5;

/**
 * Fastify under Nest, knowing when the application starts to close: Nest calls `beforeClose`
 * first thing in `app.close()`, before any shutdown hook, so from then on new requests are refused
 * (see refuseRequestsWhileClosing) while the ones in flight run to their end.
 */
export class ClosingAwareFastifyAdapter extends FastifyAdapter {
  private closingSince: number | null = null;

  /** Whether `app.close()` has begun (a SIGTERM, or a test closing its app). */
  get closing(): boolean {
    return this.closingSince !== null;
  }

  override beforeClose(): void {
    this.closingSince ??= Date.now();
    super.beforeClose();
  }
}

/**
 * From the start of the shutdown every new request, `/health/ready` included, gets 503 in the
 * contract's shape with `Retry-After` and `Connection: close`, so a load balancer moves on and a
 * keep-alive client opens its next connection elsewhere. Registered as the first request hook, so
 * nothing of the request is done; a request whose hooks ran before is in flight and finishes.
 */
export function refuseRequestsWhileClosing(
  fastify: FastifyInstance,
  adapter: ClosingAwareFastifyAdapter,
): void {
  // A request in flight is answered with `Connection: close` too: its keep-alive connection would
  // otherwise hold the closing server open until the client's idle timeout.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (adapter.closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!adapter.closing) return done();
    void reply
      .code(503)
      .header('Retry-After', String(SHUTDOWN_RETRY_AFTER_SECONDS))
      .header('Connection', 'close')
      .send(
        apiError(
          503,
          'Läget stängs av (shutting down) och tar inte emot fler anrop; försök igen om en stund / ' +
            'Läget is shutting down and takes no more requests; try again shortly',
          { shuttingDown: true },
        ),
      );
  });
}

export interface ShutdownOptions {
  /** LAGET_SHUTDOWN_SECONDS: after this the process exits anyway. */
  seconds: number;
  logger: LoggerService;
  /** process.exit, replaceable for a test. */
  exit?: (code: number) => void;
}

/**
 * SIGTERM (and SIGINT) in the server: stop taking requests, let those in flight, the running job
 * steps and the projections' current batches finish, release the advisory locks and connections
 * (the modules' shutdown hooks, in `app.close()`), and exit 0; or, when that takes longer than
 * LAGET_SHUTDOWN_SECONDS, exit 1 anyway (docs/adr/0019). A job cut off then is run again: BullMQ
 * takes a stalled job back, the in-process queue once its lease runs out.
 */
export function exitGracefullyOnSignals(app: INestApplication, options: ShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (started) return; // a second signal changes nothing: the deadline stands
    started = true;
    const since = Date.now();
    options.logger.log(`${signal}: shutting down, at most ${options.seconds} s`);
    const deadline = setTimeout(() => {
      options.logger.error(
        `Shutdown did not finish within LAGET_SHUTDOWN_SECONDS=${options.seconds}: exiting anyway`,
      );
      exit(1);
    }, options.seconds * 1000);
    deadline.unref();
    app.close().then(
      () => {
        clearTimeout(deadline);
        options.logger.log(`Shut down in ${Date.now() - since} ms`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.logger.error(`Shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // For tests: forget the signals again.
  return () => {
    process.off('SIGTERM', shutdown);
    process.off('SIGINT', shutdown);
  };
}
