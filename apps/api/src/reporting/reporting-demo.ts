import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AppConfig } from '../config/app-config.js';
import { DEMO_ORGANISATIONS, UsersReadModel } from '../identity/index.js';
import { fileDemoWeek, type DemoReporters } from './demo-week.js';

/** Which demo organisation (identity's DEMO_ORGANISATIONS) files which part of the seed. */
const SEED_PARTS: Record<keyof DemoReporters, string> = {
  police: 'polisen',
  socialServices: 'socialtjansten',
  school: 'skolan',
  nvk: 'nvk',
  business: 'naringslivet',
  cultureLeisure: 'kultur-fritid',
  coordinator: 'bf-samordnare',
};

/**
 * Demo mode (`LAGET_DEMO=1`): once the identity module has created the seed's organisations and
 * demo logins, file the seed's week as those reporters. Runs beside the start, not in its way.
 */
@Injectable()
export class ReportingDemo implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('reporting');
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    /** Absent where the app runs without the identity module (some tests): then there is no demo to file. */
    @Optional() @Inject(UsersReadModel) private readonly users: UsersReadModel | null,
  ) {}

  // Not onModuleInit: the CommandBus gets its handlers in CqrsModule's onApplicationBootstrap.
  // This hook only starts the filing, whose first dispatch follows reads of the database, by
  // which time every bootstrap hook (they are synchronous) has run.
  onApplicationBootstrap(): void {
    if (!this.config.demo || !this.users) return;
    this.running = this.fileWhenReady().catch((error: unknown) =>
      this.logger.error(`Demo week not filed: ${(error as Error).message}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async fileWhenReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.stopped) return;
      const reporters = await this.demoReporters();
      if (reporters) {
        await fileDemoWeek({ commandBus: this.commandBus, queryBus: this.queryBus }, reporters);
        this.logger.log('Demo: the seed week 2024-W48 is filed');
        return;
      }
      if (Date.now() > deadline) throw new Error('the demo logins did not appear within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async demoReporters(): Promise<DemoReporters | null> {
    const users = this.users!;
    // Until identity's first start has created its tables and logins, there is nobody to file as.
    const entries = await Promise.all(
      Object.entries(SEED_PARTS).map(async ([part, organisationId]) => {
        const organisation = DEMO_ORGANISATIONS.find((candidate) => candidate.id === organisationId);
        const user = organisation ? await users.byUsername(organisation.reporter).catch(() => null) : null;
        return [part, user ? { organisationId, userId: user.id } : null] as const;
      }),
    );
    if (entries.some(([, reporter]) => reporter === null)) return null;
    return Object.fromEntries(entries) as unknown as DemoReporters;
  }
}
