import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { AppConfig } from '../config/app-config.js';
import type { DomainEvent } from './domain/decider.js';
import { FEATURES, type FeatureManifest, projectionsOf, upcastersOf } from './feature.js';
import { emailReactor } from './jobs/email/send-email.js';
import type { JobQueue } from './jobs/job-queue.js';
import { reactorProjection } from './jobs/reactor.js';
import { EVENT_STORE, JOB_QUEUE, READ_DB } from './platform.tokens.js';
import type { Projection } from './projections/projection.js';
import type { ProjectionStall } from './projections/projection-failures.js';
import { ProjectionRunner, type WaitOptions } from './projections/projection-runner.js';
import type { Upcasters } from './projections/upcasters.js';

/**
 * What this process runs on the projection runner (docs/adr/0023). `'all'` is the application:
 * every read model its features declare, their reactors and the platform's e-mail reactor. A
 * maintenance process (the rebuild CLI) names the read models it runs, and runs nothing else:
 * no reactor, so it never enqueues a job or sends a message, and no other read model, so it
 * neither takes another projection's lock nor writes another table.
 */
export type ProjectionsToRun = 'all' | { readonly only: readonly string[] };

export const PROJECTIONS_TO_RUN = Symbol('PROJECTIONS_TO_RUN');

/**
 * The application's one ProjectionRunner, over the read models, reactors and upcasters the
 * features declare in their manifests (platform/feature.ts) and the platform's own e-mail
 * reactor. The runner starts once,
 * on the first `ensureStarted()`, whichever module's init asks first (so a module that needs its
 * read models while it initialises, e.g. to seed demo data, just awaits it).
 */
@Injectable()
export class Projections implements OnModuleInit {
  private readonly registered: Projection[] = [];
  readonly upcasters: Upcasters;
  private runner: ProjectionRunner | null = null;
  private starting: Promise<void> | null = null;
  private readonly logger = new Logger('projections');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(JOB_QUEUE) jobs: JobQueue,
    @Inject(FEATURES) features: readonly FeatureManifest[],
    @Inject(PROJECTIONS_TO_RUN) private readonly toRun: ProjectionsToRun,
    config: AppConfig,
  ) {
    this.upcasters = upcastersOf(features);
    if (toRun !== 'all') {
      const declared = projectionsOf(features);
      this.register(...toRun.only.map((name) => declared.find((p) => p.name === name) ?? unknown(name)));
      return;
    }
    this.register(...projectionsOf(features));
    for (const feature of features) {
      for (const reactor of feature.reactors?.(config) ?? []) this.register(reactorProjection(reactor, jobs));
    }
    // Reminders and account e-mails are sent by the platform's e-mail job, whoever asks for them.
    this.register(reactorProjection(emailReactor(), jobs));
  }

  register<Event extends DomainEvent>(...projections: Projection<Event>[]): void {
    if (this.runner) throw new Error('Projections must be registered before the application starts');
    this.registered.push(...(projections as unknown as Projection[]));
  }

  onModuleInit(): Promise<void> {
    return this.ensureStarted();
  }

  ensureStarted(): Promise<void> {
    this.starting ??= (async () => {
      this.runner = new ProjectionRunner({
        store: this.store,
        db: this.db,
        projections: this.registered,
        upcasters: this.upcasters,
        // A maintenance process is short-lived: where another instance runs its projection, it
        // checks every second whether that one has replayed it, rather than every five.
        ...(this.toRun === 'all' ? {} : { lockRetryMs: 1_000 }),
        logger: {
          log: (message) => this.logger.log(message),
          warn: (message) => this.logger.warn(message),
          error: (message, detail) => this.logger.error(message, detail),
        },
      });
      await this.runner.start();
    })();
    return this.starting;
  }

  /** Read-after-write: resolves once every event committed before the call is in the read models. */
  async waitUntilCaughtUp(options: WaitOptions = {}): Promise<void> {
    await this.ensureStarted();
    await this.requireRunner().waitUntilCaughtUp({ timeoutMs: 10_000, ...options });
  }

  /** Empties the read model and replays the log into it; resolves once it has caught up. */
  async rebuild(name: string, options: Omit<WaitOptions, 'only'> = {}): Promise<void> {
    await this.ensureStarted();
    await this.requireRunner().rebuild(name, options);
  }

  get names(): string[] {
    return this.registered.map((projection) => projection.name);
  }

  status() {
    return this.runner?.status() ?? [];
  }

  /** Projections stalled at an event they cannot apply, in this instance or another (docs/adr/0016). */
  async stalls(): Promise<ProjectionStall[]> {
    return this.runner ? this.runner.stalls() : [];
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.runner?.stop();
  }

  private requireRunner(): ProjectionRunner {
    if (!this.runner) throw new Error('The projection runner has not started');
    return this.runner;
  }
}

function unknown(name: string): never {
  throw new Error(`No feature declares the projection ${name}`);
}
