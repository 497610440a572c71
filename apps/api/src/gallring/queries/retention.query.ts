import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '@laget/event-store';
import { type RetentionReportEntry, type RetentionView, retentionKinds } from '@laget/contracts';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/commands/clock.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { Projections } from '../../platform/projections.service.js';
import { nextGallringRun } from '../gallring-schedule.js';
import { gallringSettings } from '../gallring.settings.js';

const descriptions: Record<(typeof retentionKinds)[number], string> = {
  report: 'Rapporter: månader efter veckan',
  lagesbild: 'Interna versioner och målgruppsversioner av lägesbilden: månader efter veckan',
  login: 'Inloggningar (namn, e-postadress): månader efter att inloggningen avaktiverades',
  email: 'Skickade e-brev: månader efter att de skrevs',
  ip: 'IP-adresser i händelseloggen: månader efter månaden de registrerades',
};

/** The rules in force and when the daily run comes next (`GET /api/retention`). */
export class RetentionQuery extends Query<RetentionView> {}

@QueryHandler(RetentionQuery)
export class RetentionHandler implements IQueryHandler<RetentionQuery> {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<RetentionView> {
    const rules = this.config.settingsOf(gallringSettings).LAGET_RETENTION;
    return {
      rules: retentionKinds.map((kind) => ({ kind, months: rules[kind], description: descriptions[kind] })),
      appendKeyDays: rules.appendKeyDays,
      kept: ['Publicerade öppna versioner (allmänna handlingar) gallras inte'],
      nextRunAt: nextGallringRun(this.clock.now()).toISOString(),
    };
  }
}

/** What was gallrad or erased between two days (`GET /api/retention/report`), oldest first. */
export class RetentionReportQuery extends Query<RetentionReportEntry[]> {
  constructor(
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(RetentionReportQuery)
export class RetentionReportHandler implements IQueryHandler<RetentionReportQuery> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: Projections,
  ) {}

  async execute({ from, to }: RetentionReportQuery): Promise<RetentionReportEntry[]> {
    await this.projections.waitUntilCaughtUp({ only: ['gallring-log'] });
    const { rows } = await this.db.query<{
      at: Date | string;
      what: 'rule' | 'request';
      by_actor: string;
      legal_ground: string | null;
      kind: string;
      count: number;
      reference: string;
    }>(
      `SELECT at, what, by_actor, legal_ground, kind, count, reference FROM gallring_log
        WHERE ($1::date IS NULL OR at >= $1::date) AND ($2::date IS NULL OR at < $2::date + 1)
        ORDER BY at, reference, kind`,
      [from ?? null, to ?? null],
    );
    return rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      what: row.what,
      by: row.by_actor,
      legalGround: row.legal_ground,
      kind: row.kind,
      count: row.count,
      reference: row.reference,
    }));
  }
}

export const gallringQueryHandlers = [RetentionHandler, RetentionReportHandler];
