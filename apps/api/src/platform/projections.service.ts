import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '@laget/event-store';
import { AppConfig } from '../config/app-config.js';
import type { DomainEvent } from './domain/decider.js';
import { FEATURES, type FeatureManifest } from './feature.js';
import { emailReactor } from './jobs/email/send-email.js';
import type { JobQueue } from './jobs/job-queue.js';
import { reactorProjection } from './jobs/reactor.js';
import { EVENT_STORE, JOB_QUEUE, READ_DB } from './platform.tokens.js';
import type { Projection } from './projections/projection.js';
import type { ProjectionStall } from './projections/projection-failures.js';
import { ProjectionRunner, type WaitOptions } from './projections/projection-runner.js';
import { Upcasters } from './projections/upcasters.js';

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
  readonly upcasters = new Upcasters();
  private runner: ProjectionRunner | null = null;
  private starting: Promise<void> | null = null;
  private readonly logger = new Logger('projections');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(JOB_QUEUE) jobs: JobQueue,
    @Inject(FEATURES) features: readonly FeatureManifest[],
    config: AppConfig,
  ) {
    for (const feature of features) {
      this.register(...feature.projections);
      for (const reactor of feature.reactors?.(config) ?? []) this.register(reactorProjection(reactor, jobs));
      feature.upcasters?.(this.upcasters);
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

  async rebuild(name: string): Promise<void> {
    await this.ensureStarted();
    await this.requireRunner().rebuild(name);
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
