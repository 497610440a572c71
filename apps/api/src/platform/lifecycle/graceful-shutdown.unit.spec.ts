import type { INestApplication } from '@nestjs/common';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';

/** The deadline of LAGET_SHUTDOWN_SECONDS, without a real process to end (exit is handed in). */
describe('exitGracefullyOnSignals', () => {
  const logger = { log: () => undefined, error: () => undefined, warn: () => undefined };
  let forget: () => void = () => undefined;
  afterEach(() => forget());

  function signalled(close: () => Promise<void>): Promise<{ code: number; afterMs: number }> {
    const app = { close } as unknown as INestApplication;
    const started = Date.now();
    return new Promise((resolve) => {
      forget = exitGracefullyOnSignals(app, {
        seconds: 1,
        logger,
        exit: (code) => resolve({ code, afterMs: Date.now() - started }),
      });
      process.emit('SIGTERM', 'SIGTERM');
    });
  }

  it('exits 0 once the application has closed', async () => {
    const { code, afterMs } = await signalled(() => new Promise((done) => setTimeout(done, 100)));
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(1_000);
  });

  it('exits 1 at the deadline when closing does not finish', async () => {
    const { code, afterMs } = await signalled(() => new Promise(() => undefined));
    expect(code).toBe(1);
    expect(afterMs).toBeGreaterThanOrEqual(990);
  });

  it('exits 1 when closing fails', async () => {
    const { code } = await signalled(() => Promise.reject(new Error('a store would not close')));
    expect(code).toBe(1);
  });

  it('closes once, whatever signals follow', async () => {
    let closes = 0;
    const exited = signalled(async () => {
      closes++;
      await new Promise((done) => setTimeout(done, 50));
    });
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect((await exited).code).toBe(0);
    expect(closes).toBe(1);
  });
});
