import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AtgardsplanView, PlanView } from '@laget/contracts';
import { defineAbilityFor } from '@laget/permissions';
import { AppConfig } from '../../config/app-config.js';
import type { Caller } from '../../identity/index.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import { ensureMayReadPlan, planDocument, planSubject, publishedPlanDocument } from './plan-access.js';
import { renderPlanPage, renderPlanPdf } from './plan-page.js';
import { planDecider, planStreamId } from './plan.decider.js';
import { PublishedPlansHandler } from './published-plans.query.js';

/** One view of the year's åtgärdsplan (internal: coordinator, EST group; open: coordinator). */
export class GetPlanQuery extends Query<AtgardsplanView> {
  constructor(
    readonly caller: Caller,
    readonly year: number,
    readonly view: PlanView,
  ) {
    super();
  }
}

export type PlanFormat = 'html' | 'json' | 'pdf';

/** The published open version for the public site, or null (never published or retracted: 404 for everyone). */
export class PublicPlanQuery extends Query<{ contentType: string; body: string | Buffer } | null> {
  constructor(
    readonly year: number,
    readonly format: PlanFormat,
  ) {
    super();
  }
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller, year, view }: GetPlanQuery) {
    const { state, version } = await this.runner.load(planStreamId(year), planDecider);
    ensureMayReadPlan(caller, view, state);
    return planDocument(state, version, view);
  }
}

@QueryHandler(PublicPlanQuery)
export class PublicPlanHandler implements IQueryHandler<PublicPlanQuery> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly config: AppConfig,
  ) {}

  async execute({ year, format }: PublicPlanQuery) {
    const { state, version } = await this.runner.load(planStreamId(year), planDecider);
    // The revision published last, even while a correction is prepared; none after a retraction.
    const plan = publishedPlanDocument(state, version);
    if (!plan || !defineAbilityFor(null).can('read', planSubject('open', plan))) return null;
    const municipality = this.config.municipalityName;
    if (format === 'json')
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(plan) };
    if (format === 'pdf') {
      return { contentType: 'application/pdf', body: await renderPlanPdf(plan, { name: municipality }) };
    }
    return { contentType: 'text/html; charset=utf-8', body: renderPlanPage(plan, municipality) };
  }
}

export const planQueryHandlers = [GetPlanHandler, PublicPlanHandler, PublishedPlansHandler];
