import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './throwaway-services.js';

/**
 * The real API server, built as `npm start` runs it, in a child process of its own: for fault
 * tests whose question is whether the process lives. Inside Jest an unhandled 'error' event or
 * rejection is caught by Jest (and `process.on` in a test sees only Jest's copy of `process`),
 * so only a process of its own fails the way production does: Node ends it.
 */
const root = resolve(import.meta.dirname, '../..');

let built: Promise<unknown> | null = null;

/** Builds the API and its libraries into their dist folders (what `npm start` runs), once per test file. */
export function buildServer(): Promise<unknown> {
  const workspaces = ['@laget/event-store', '@laget/permissions', '@laget/contracts', '@laget/api'];
  built ??= promisify(execFile)('npm', ['run', 'build', ...workspaces.flatMap((w) => ['--workspace', w])], {
    cwd: root,
  });
  return built;
}

export interface BuiltServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Lines of stderr that say Node met an error nobody handled. */
  unhandledErrors(): string[];
  /** SIGKILL if it still runs, then wait for it. */
  kill(): Promise<void>;
}

/** How Node reports what ends a process: an 'error' event without listener, an uncaught exception or rejection. */
const unhandledPattern =
  /Unhandled 'error' event|Unhandled error|uncaughtException|UnhandledPromiseRejection|unhandledRejection|triggerUncaughtException/i;

/** Starts the built server and waits until `/health/ready` answers 200. */
export async function startBuiltServer(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<BuiltServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const server: BuiltServer = {
    url,
    port,
    child,
    exited,
    stderr: () => stderr,
    unhandledErrors: () => stderr.split('\n').filter((line) => unhandledPattern.test(line)),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/health/ready`).catch(() => null);
    if (ready?.status === 200) return server;
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await server.kill();
  throw new Error(`the server did not get ready: ${stderr}`);
}
