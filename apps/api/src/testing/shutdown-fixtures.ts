import { request as httpRequest } from 'node:http';
import { AppConfig } from '../config/app-config.js';
import { approveAsItStands } from '../lagesbild/fixtures/approve-as-it-stands.js';
import { background, weekReports } from '../lagesbild/fixtures/reports.fixture.js';
import {
  type LagesbildCommand,
  lagesbildDecider,
  lagesbildStreamId,
} from '../lagesbild/lagesbild.decider.js';
import { SystemClock } from '../platform/commands/clock.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { systemContext } from '../platform/commands/request-context.js';
import { openStores } from '../platform/stores.js';

/** A week compiled and approved, written straight to the stores of `env` before a server starts on them. */
export async function approveWeekBeforeStart(env: Record<string, string>, period: string): Promise<void> {
  const stores = await openStores(AppConfig.fromEnvironment(env));
  try {
    const commands = new CommandRunner(stores.eventStore, new SystemClock());
    const run = (command: LagesbildCommand) =>
      commands.run(lagesbildStreamId(period), lagesbildDecider(), command, { context: systemContext() });
    await run({
      type: 'CompileLagesbild',
      data: { period, background, reports: weekReports, actorId: 'coordinator-1' },
    });
    await approveAsItStands(run, 'coordinator-1');
  } finally {
    await stores.close();
  }
}

export interface SlowRequest {
  /** Sends the rest of the body; resolves with the answer's status and body. */
  finish(): Promise<{ status: number; body: string }>;
}

/**
 * A POST whose headers and first half of the body are on the wire and whose rest waits for
 * `finish()`: a request the server has begun (its request hooks ran) and cannot answer yet, like
 * a slow client's upload when SIGTERM comes.
 */
export async function startSlowPost(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<SlowRequest> {
  const bytes = Buffer.from(JSON.stringify(body));
  const slow: { rest: () => void } = { rest: () => undefined };
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(
      `${url}${path}`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(bytes.length) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => void (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    slow.rest = () => request.end(bytes.subarray(Math.floor(bytes.length / 2)));
  });
  // Give the server the time to read the headers and run the request hooks.
  await new Promise((done) => setTimeout(done, 300));
  return {
    finish: () => {
      slow.rest();
      return answer;
    },
  };
}
