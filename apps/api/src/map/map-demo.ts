import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { defineAbilityFor } from '@laget/permissions';
import { AppConfig } from '../config/app-config.js';
import { UsersReadModel, type SignedInCaller } from '../identity/index.js';
import { EditPlaceCommand, RegisterPlaceCommand } from '../reporting/commands/index.js';
import { ListPlacesQuery } from '../reporting/queries/index.js';
import { sameAreaName } from './area-register.decider.js';
import { DefineAreaCommand } from './commands/index.js';
import { ListAreasQuery } from './queries/index.js';
import { DEMO_AREAS, DEMO_PLACES } from './demo-areas.js';

/** The places the reporting demo registers itself; the map's demo waits for them, then places them. */
const REPORTING_DEMO_PLACES = ['Frida Hansdotter Arena', 'Unkan'];

/**
 * Demo mode (`LAGET_DEMO=1`): a few areas around Norberg and places in them, as the demo
 * coordinator. Idempotent: an area or place of the same name is left as it is (a place without
 * coordinates gets them), so starting twice adds nothing.
 */
@Injectable()
export class MapDemo implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('map');
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Optional() @Inject(UsersReadModel) private readonly users: UsersReadModel | null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.demo || !this.users) return;
    this.running = this.drawWhenReady().catch((error: unknown) =>
      this.logger.error(`Demo areas not drawn: ${(error as Error).message}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drawWhenReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.stopped) return;
      const coordinator = await this.users!.byUsername('samordnare').catch(() => null);
      const places = coordinator ? await this.queryBus.execute(new ListPlacesQuery(true)) : [];
      const reportingDone = REPORTING_DEMO_PLACES.every((name) => places.some((p) => p.name === name));
      if (coordinator && (reportingDone || Date.now() > deadline)) {
        await this.draw(demoCoordinator(coordinator.id));
        this.logger.log('Demo: areas and places around Norberg are drawn');
        return;
      }
      if (Date.now() > deadline) throw new Error('the demo coordinator did not appear within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Draws what is missing of the demo's areas and places; public so a test can run it twice. */
  async draw(caller: SignedInCaller): Promise<void> {
    const areas = await this.queryBus.execute(new ListAreasQuery(caller));
    for (const area of DEMO_AREAS) {
      if (areas.some((existing) => sameAreaName(existing.name, area.name))) continue;
      await this.commandBus.execute(new DefineAreaCommand(caller, area));
    }
    const places = await this.queryBus.execute(new ListPlacesQuery(true));
    for (const { name, kind, lat, lon } of DEMO_PLACES) {
      const existing = places.find((place) => place.name === name);
      if (!existing) {
        await this.commandBus.execute(
          new RegisterPlaceCommand(caller, { name, kind, coordinates: { lat, lon } }),
        );
      } else if (!existing.coordinates) {
        await this.commandBus.execute(
          new EditPlaceCommand(caller, existing.id, { coordinates: { lat, lon } }),
        );
      }
    }
  }
}

/** The demo coordinator (`samordnare`) as a caller of the buses. */
export function demoCoordinator(userId: string): SignedInCaller {
  const actor = { userId, organisationId: 'bf-samordnare', roles: ['coordinator' as const] };
  return {
    actor: { ...actor, username: 'samordnare', displayName: 'BF-samordnaren' },
    ability: defineAbilityFor(actor),
    context: { actorId: userId, organisationId: 'bf-samordnare', correlationId: randomUUID() },
  };
}
