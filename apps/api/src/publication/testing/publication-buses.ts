import type { Provider } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Clock, SystemClock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { publicationCommandHandlers } from '../commands/index.js';
import { PublicationToPublishHandler } from '../queries/publication-to-publish.query.js';
import { ReminderRecipients } from '../reminder-recipients.js';

const noRecipients: Pick<ReminderRecipients, 'of' | 'unreachable'> = {
  of: () => Promise.reject(new Error('publicationBuses has no logins: remind through the whole application')),
  unreachable: () =>
    Promise.reject(new Error('publicationBuses has no logins: remind through the whole application')),
};

/**
 * The CommandBus and QueryBus with the publication's command handlers and the publish job's
 * query, over `runner`, for specs that drive the job processors without the whole application.
 */
export async function publicationBuses(
  runner: CommandRunner,
  /** Handlers of other features the spec needs answered (the map's OpenMapAreasQuery, say). */
  extraProviders: Provider[] = [],
): Promise<{ commandBus: CommandBus; queryBus: QueryBus; close: () => Promise<void> }> {
  const module = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [
      { provide: CommandRunner, useValue: runner },
      { provide: Clock, useValue: new SystemClock() },
      // The handlers' specs here publish; nobody is reminded, so no logins are needed.
      { provide: ReminderRecipients, useValue: noRecipients },
      ...publicationCommandHandlers,
      PublicationToPublishHandler,
      ...extraProviders,
    ],
  }).compile();
  // init() runs onApplicationBootstrap, where @nestjs/cqrs registers the handlers.
  await module.init();
  return { commandBus: module.get(CommandBus), queryBus: module.get(QueryBus), close: () => module.close() };
}
