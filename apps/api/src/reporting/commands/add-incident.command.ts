import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AddIncidentRequest, IncidentView } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { newIdFor } from '../../platform/commands/request-context.js';
import { parseOccurredAt } from '../occurred-at.js';
import { calendarOf, parsePeriod } from '../period.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import { ReportChanges } from './report-changes.js';

/** The added incident, with the report's id and version after it. */
export type IncidentAnswer = IncidentView & { reportId: string; version: number };

/** An incident added to a report. */
export class AddIncidentCommand extends Command<IncidentAnswer> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly data: AddIncidentRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(AddIncidentCommand)
export class AddIncidentHandler implements ICommandHandler<AddIncidentCommand> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async execute({ caller, reportId, data, expectedVersion }: AddIncidentCommand): Promise<IncidentAnswer> {
    if (data.placeId) await this.changes.guards.ensurePlace(data.placeId);
    const incidentId = newIdFor(caller.context, 'incident');
    const report = await this.changes.onIncident(
      caller,
      reportId,
      'create',
      expectedVersion,
      [],
      (period, state) => ({
        type: 'AddIncident',
        data: {
          incidentId,
          incident: {
            problem: data.problem,
            category: data.category,
            tags: data.tags ?? [],
            location: data.location,
            placeId: data.placeId ?? null,
            occurredAt: parseOccurredAt(data.occurredAt, calendarOf(parsePeriod(state.period))),
            frequency: data.frequency,
            assessment: { severity: data.assessment.severity, scope: data.assessment.scope },
            comment: data.comment,
          },
          period,
          categories: this.settings.incidentCategories.map((category) => category.key),
        },
      }),
    );
    const incident = report.incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw new Error('The added incident is missing from the report');
    return { ...incident, reportId, version: report.version };
  }
}
