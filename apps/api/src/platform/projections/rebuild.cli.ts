import { pathToFileURL } from 'node:url';
import { AppConfig, ConfigurationError } from '../../config/app-config.js';
import { openStores } from '../stores.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { applicationUpcasters, projectionRegistry } from './registry.js';

export interface CliOutput {
  log(message: string): void;
  error(message: string): void;
}

const usage = (known: readonly Projection[]) =>
  [
    'Usage: npm run projections:rebuild -- <name>… | --all',
    '',
    'Empties the named read models and replays the event log into them from the start. The stores',
    'are those of the application (EVENT_STORE, DATABASE_URL, DATA_DIR). Where another instance',
    'runs a projection (PostgreSQL), that instance replays it and this command waits for it;',
    'with PGlite, stop the application first (one process per data directory).',
    '',
    `Projections: ${known.map((p) => p.name).join(', ')}`,
  ].join('\n');

/**
 * Rebuilds projections from the command line; returns the exit code (0 done, 1 failed, 2 usage).
 * Exported so that a test can run it in-process with its own environment and registry.
 */
export async function rebuildCli(
  args: readonly string[],
  env: Record<string, string | undefined> = process.env,
  out: CliOutput = console,
  registry: readonly Projection[] = projectionRegistry,
): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    out[args.length === 0 ? 'error' : 'log'](usage(registry));
    return args.length === 0 ? 2 : 0;
  }
  const names = args.filter((arg) => arg !== '--all');
  const unknown = names.filter((name) => !registry.some((p) => p.name === name));
  if (unknown.length > 0) {
    out.error(`Unknown projection: ${unknown.join(', ')}\n\n${usage(registry)}`);
    return 2;
  }

  let config: AppConfig;
  try {
    config = AppConfig.fromEnvironment(env);
  } catch (error) {
    out.error(error instanceof ConfigurationError ? error.message : String(error));
    return 2;
  }
  const stores = await openStores(config);
  const projections = args.includes('--all')
    ? [...registry]
    : names.map((name) => registry.find((p) => p.name === name)!);
  const runner = new ProjectionRunner({
    store: stores.eventStore,
    db: stores.readDb,
    projections,
    upcasters: applicationUpcasters(),
    lockRetryMs: 1_000,
    logger: { log: out.log, warn: out.error, error: (message) => out.error(message) },
  });
  try {
    await runner.start();
    for (const projection of projections) {
      const started = performance.now();
      out.log(`Rebuilding ${projection.name} …`);
      await runner.rebuild(projection.name, { timeoutMs: 24 * 60 * 60_000 });
      out.log(`Rebuilt ${projection.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return 0;
  } catch (error) {
    out.error(`Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await runner.stop();
    await stores.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await rebuildCli(process.argv.slice(2));
}
