import 'reflect-metadata';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pathToFileURL } from 'node:url';
import { AppModule } from './app.module.js';
import { AppConfig, ConfigurationError, type Environment } from './config/app-config.js';
import { features as allFeatures } from './features.js';
import { type FeatureManifest, projectionsOf } from './platform/feature.js';
import { Projections } from './platform/projections.service.js';

export interface CliOutput {
  log(message: string): void;
  error(message: string): void;
}

const usage = (known: readonly string[]) =>
  [
    'Usage: npm run projections:rebuild -- <name>… | --all',
    '',
    'Empties the named read models and replays the event log into them from the start. The stores',
    'are those of the application (EVENT_STORE, DATABASE_URL, DATA_DIR). Where another instance',
    'runs a projection (PostgreSQL), that instance replays it and this command waits for it;',
    'with PGlite, stop the application first (one process per data directory).',
    '',
    `Projections: ${known.join(', ')}`,
  ].join('\n');

/** A whole day: a rebuild of a large log may take long, and a running instance may replay it. */
const REBUILD_TIMEOUT_MS = 24 * 60 * 60_000;

/**
 * Rebuilds projections from the command line; returns the exit code (0 done, 1 failed, 2 usage).
 * It reads the same feature list as the application (features.ts) and boots the same AppModule as
 * a Nest application context without HTTP, in the maintenance mode that runs only the named read
 * models: no feature module, so no reactor, job, reminder, first start or demo data (docs/adr/0023).
 * Exported so that a test can run it in-process with its own environment and features.
 */
export async function rebuildCli(
  args: readonly string[],
  env: Environment,
  out: CliOutput = console,
  features: readonly FeatureManifest[] = allFeatures,
): Promise<number> {
  const known = projectionsOf(features).map((projection) => projection.name);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    out[args.length === 0 ? 'error' : 'log'](usage(known));
    return args.length === 0 ? 2 : 0;
  }
  const names = args.includes('--all') ? known : args;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    out.error(`Unknown projection: ${unknown.join(', ')}\n\n${usage(known)}`);
    return 2;
  }

  let config: AppConfig;
  try {
    config = AppConfig.fromEnvironment(env, features);
  } catch (error) {
    out.error(error instanceof ConfigurationError ? error.message : String(error));
    return 2;
  }
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, features, projections: { only: names } }),
      { logger: cliLogger(out), abortOnError: false },
    );
    const projections = app.get(Projections);
    for (const name of names) {
      const started = performance.now();
      out.log(`Rebuilding ${name} …`);
      await projections.rebuild(name, { timeoutMs: REBUILD_TIMEOUT_MS });
      out.log(`Rebuilt ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return 0;
  } catch (error) {
    out.error(`Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await app?.close();
  }
}

/** The runner's and Nest's messages on the CLI's output; Nest's start-up chatter left out. */
function cliLogger(out: CliOutput): LoggerService {
  return {
    log: (message: unknown, context?: string) => {
      if (context === 'projections') out.log(String(message));
    },
    warn: (message: unknown) => out.error(String(message)),
    error: (message: unknown) => out.error(String(message)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The CLI's one read of the environment, as main.ts's for the server.
  process.exitCode = await rebuildCli(process.argv.slice(2), process.env);
}
