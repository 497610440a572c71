import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The real server, built as `npm start` builds it, in a child process of the test: for fault
 * tests that kill it (kill -9) or run several instances on one database.
 */
const root = resolve(import.meta.dirname, '../../../../../..');

let built: Promise<unknown> | null = null;

/** Builds the API and its libraries into their dist folders (what `npm start` runs), once per run. */
export function buildServer(): Promise<unknown> {
  const workspaces = ['@laget/event-store', '@laget/permissions', '@laget/contracts', '@laget/api'];
  built ??= promisify(execFile)('npm', ['run', 'build', ...workspaces.flatMap((w) => ['--workspace', w])], {
    cwd: root,
  });
  return built;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts the built server and waits until /health/ready answers 200. A restart passes the port of
 * the one before (clients keep their URL); `env` says where its stores are (EVENT_STORE, …).
 */
export async function startServer(
  env: Record<string, string>,
  options: { adminPassword: string; port?: number },
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      LAGET_ADMIN_PASSWORD: options.adminPassword,
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
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    const ready = await fetch(`${url}/health/ready`).catch(() => null);
    if (ready?.status === 200) return { url, port, child, exited };
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not get ready: ${stderr}`);
}

/** Kills the server if it still runs (SIGKILL) and waits for its exit. */
export async function stopServer(server: ServerProcess | null): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}
