import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@laget/event-store';
import { EVENT_STORE } from '../../platform/platform.tokens.js';
import { lagesbildNotVisible } from '../lagesbild-access.js';
import { type HistoryEntry, lagesbildHistory } from '../lagesbild-history.js';
import { lagesbildReadStreamId, lagesbildStreamId } from '../lagesbild-stream.js';

/** Every compile, edit, redaction, decision, approval and publication, and every read of an internal version. */
export class LagesbildHistoryQuery extends Query<HistoryEntry[]> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(LagesbildHistoryQuery)
export class LagesbildHistoryHandler implements IQueryHandler<LagesbildHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ period }: LagesbildHistoryQuery): Promise<HistoryEntry[]> {
    const [events, reads] = await Promise.all([
      this.store.readStream(lagesbildStreamId(period)),
      this.store.readStream(lagesbildReadStreamId(period)),
    ]);
    if (events.length === 0) throw lagesbildNotVisible();
    return lagesbildHistory([...events, ...reads]);
  }
}
