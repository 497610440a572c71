import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './throwaway-services.js';

/**
 * The real server as `npm start` runs it (`apps/api/dist/main.js`) in a child process, for tests
 * and benchmarks that kill, signal or restart it (issues 13 and 21).
 */
const twoUp = resolve(import.meta.dirname, '../..');
/** The checkout; also from the benchmark's compiled copy in `.bench-build/test/support`. */
export const repositoryRoot = basename(twoUp) === '.bench-build' ? dirname(twoUp) : twoUp;
export const builtServerAdminPassword = 'crash-test-admin-password-1';

let built: Promise<unknown> | null = null;

/** Builds the API and its libraries into their dist folders (what `npm start` runs), once per run. */
export function buildServer(): Promise<unknown> {
  const workspaces = ['@laget/event-store', '@laget/permissions', '@laget/contracts', '@laget/api'];
  built ??= promisify(execFile)('npm', ['run', 'build', ...workspaces.flatMap((w) => ['--workspace', w])], {
    cwd: repositoryRoot,
  });
  return built;
}

export interface BuiltServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** The exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
  /** What it wrote so far, stdout and stderr (its log at LOG_LEVEL), the last megabyte of it. */
  output(): string;
}

/** Starts the built server; a restart passes the port of the one before (clients keep their URL). */
export async function startBuiltServer(env: Record<string, string>, port?: number): Promise<BuiltServer> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(repositoryRoot, 'apps/api/dist/main.js')], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      LAGET_ADMIN_PASSWORD: builtServerAdminPassword,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-1_000_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    const ready = await fetch(`${url}/health/ready`).catch(() => null);
    if (ready?.status === 200) return { url, port, child, exited, output: () => output };
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not get ready: ${output}`);
}

/** Ends a server that may still run (kill -9), for afterAll. */
export async function killBuiltServer(server: BuiltServer | null | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
