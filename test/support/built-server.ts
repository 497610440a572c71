import { randomBytes } from 'node:crypto';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './throwaway-services.js';

/**
 * The real API server, built as `npm start` runs it, in a child process of its own: for tests and
 * benchmarks that kill, signal or restart it, or whose question is whether the process lives
 * (issues 13 and 21). Inside Jest an unhandled 'error' event or rejection is caught by Jest (and
 * `process.on` in a test sees only Jest's copy of `process`), so only a process of its own fails
 * the way production does: Node ends it.
 */
const twoUp = resolve(import.meta.dirname, '../..');
/** The checkout; also from the benchmark's compiled copy in `.bench-build/test/support`. */
export const repositoryRoot = basename(twoUp) === '.bench-build' ? dirname(twoUp) : twoUp;
/** The first admin's password in every built server these helpers start (it must change it at first login). */
export const builtServerAdminPassword = 'crash-test-admin-password-1';

const workspaces = ['libs/event-store', 'libs/permissions', 'libs/contracts', 'apps/api'];

let built: Promise<string> | null = null;

/**
 * Builds the API and its libraries as `npm start` runs them, once per process, into a folder of
 * its own rather than their dist folders: another test file building those at the same time (in
 * another Jest worker) could rewrite a file while this server loads it. The folder mirrors the
 * repository's layout; its node_modules links every installed package except our own libraries,
 * which are the copies built here. Resolves with the folder.
 */
export function buildServer(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laget-server-'));
    const swc = join(repositoryRoot, 'node_modules/.bin/swc');
    await Promise.all(
      workspaces.map(async (workspace) => {
        await mkdir(join(dir, workspace), { recursive: true });
        await copyFile(join(repositoryRoot, workspace, 'package.json'), join(dir, workspace, 'package.json'));
        await promisify(execFile)(
          swc,
          [
            'src',
            '-d',
            join(dir, workspace, 'dist'),
            '--strip-leading-paths',
            '--config-file',
            join(repositoryRoot, '.swcrc'),
            '--ignore',
            '**/*.spec.ts',
            '--copy-files',
          ],
          { cwd: join(repositoryRoot, workspace) },
        );
      }),
    );
    await copyFile(join(repositoryRoot, 'package.json'), join(dir, 'package.json'));
    const modules = join(dir, 'node_modules');
    await mkdir(join(modules, '@laget'), { recursive: true });
    for (const entry of await readdir(join(repositoryRoot, 'node_modules'))) {
      if (entry !== '@laget')
        await symlink(join(repositoryRoot, 'node_modules', entry), join(modules, entry));
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
  /** What it wrote so far, stdout and stderr (its log at LOG_LEVEL), the last megabyte of it. */
  output(): string;
  /** What it wrote to stderr so far, the last megabyte of it. */
  stderr(): string;
  /** Lines of stderr that say Node met an error nobody handled. */
  unhandledErrors(): string[];
  /** SIGKILL if it still runs, then wait for it. */
  kill(): Promise<void>;
}

/** How Node reports what ends a process: an 'error' event without listener, an uncaught exception or rejection. */
const unhandledPattern =
  /Unhandled 'error' event|Unhandled error|uncaughtException|UnhandledPromiseRejection|unhandledRejection|triggerUncaughtException/i;

const lastMegabyte = (text: string) => text.slice(-1_000_000);

/** The master key every built server of this test process shares, as instances of one installation do. */
export const builtServerMasterKey = randomBytes(32).toString('base64');

/**
 * Starts the built server (building it first if need be) and waits until `/health/ready` answers
 * 200. A restart passes the port of the one before (clients keep their URL); `env` says where its
 * stores are (EVENT_STORE, DATABASE_URL, …).
 */
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
      LAGET_ADMIN_PASSWORD: builtServerAdminPassword,
      // One master key for every instance and restart of this test process (docs/adr/0025).
      LAGET_MASTER_KEY: builtServerMasterKey,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => void (output = lastMegabyte(output + chunk.toString())));
  child.stderr!.on('data', (chunk: Buffer) => {
    output = lastMegabyte(output + chunk.toString());
    stderr = lastMegabyte(stderr + chunk.toString());
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const server: BuiltServer = {
    url,
    port,
    child,
    exited,
    output: () => output,
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
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await server.kill();
  throw new Error(`the server did not get ready: ${output}`);
}

/** Ends a server that may still run (kill -9), for afterAll. */
export async function killBuiltServer(server: BuiltServer | null | undefined): Promise<void> {
  await server?.kill();
}
