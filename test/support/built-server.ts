import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
const workspaces = ['libs/event-store', 'libs/permissions', 'libs/contracts', 'apps/api'];

let built: Promise<string> | null = null;

/**
 * Builds the API and its libraries as `npm start` runs them, once per test file, into a folder
 * of its own rather than their dist folders: another test file building those at the same time
 * (in another Jest worker) could rewrite a file while this server loads it. The folder mirrors
 * the repository's layout; its node_modules links every installed package except our own
 * libraries, which are the copies built here. Resolves with the folder.
 */
export function buildServer(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laget-server-'));
    const swc = join(root, 'node_modules/.bin/swc');
    await Promise.all(
      workspaces.map(async (workspace) => {
        await mkdir(join(dir, workspace), { recursive: true });
        await copyFile(join(root, workspace, 'package.json'), join(dir, workspace, 'package.json'));
        await promisify(execFile)(
          swc,
          [
            'src',
            '-d',
            join(dir, workspace, 'dist'),
            '--strip-leading-paths',
            '--config-file',
            join(root, '.swcrc'),
            '--ignore',
            '**/*.spec.ts',
            '--copy-files',
          ],
          { cwd: join(root, workspace) },
        );
      }),
    );
    await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
    const modules = join(dir, 'node_modules');
    await mkdir(join(modules, '@laget'), { recursive: true });
    for (const entry of await readdir(join(root, 'node_modules'))) {
      if (entry !== '@laget') await symlink(join(root, 'node_modules', entry), join(modules, entry));
    }
    for (const workspace of workspaces.filter((w) => w.startsWith('libs/'))) {
      await symlink(join(dir, workspace), join(modules, '@laget', workspace.slice('libs/'.length)));
    }
    return dir;
  })();
  return built;
}

/** Removes the folder buildServer built into. */
export async function removeBuiltServer(): Promise<void> {
  const dir = await built?.catch(() => null);
  built = null;
  if (dir) await rm(dir, { recursive: true, force: true });
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

/** Starts the built server (building it first if need be) and waits until `/health/ready` answers 200. */
export async function startBuiltServer(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<BuiltServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dir = await buildServer();
  const child = spawn(process.execPath, [join(dir, 'apps/api/dist/main.js')], {
    cwd: dir,
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
