import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EditIncidentRequest } from '@laget/contracts';
import type { SignedInCaller } from '../../identity/index.js';
import { notFound } from '../../platform/domain/domain-error.js';
import { parseOccurredAt } from '../occurred-at.js';
import { calendarOf, parsePeriod } from '../period.js';
import type { ReportingSettings } from '../reporting.settings.js';
import { REPORTING_SETTINGS } from '../reporting.tokens.js';
import type { IncidentAnswer } from './add-incident.command.js';
import { findIncident, ReportChanges } from './report-changes.js';

/** Changes to one incident of a report (only the fields given). */
export class EditIncidentCommand extends Command<IncidentAnswer> {
  constructor(
    readonly caller: SignedInCaller,
    readonly reportId: string,
    readonly incidentId: string,
    readonly data: EditIncidentRequest,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(EditIncidentCommand)
export class EditIncidentHandler implements ICommandHandler<EditIncidentCommand> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
  ) {}

  async execute(command: EditIncidentCommand): Promise<IncidentAnswer> {
    const { caller, reportId, incidentId, data, expectedVersion } = command;
    if (data.placeId) await this.changes.guards.ensurePlace(data.placeId);
    const { expectedVersion: _version, ...changes } = data;
    const fields = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
    const report = await this.changes.onIncident(
      caller,
      reportId,
      'update',
      expectedVersion,
      fields,
      (period, state) => ({
        type: 'EditIncident',
        data: {
          incidentId,
          changes: {
            ...(changes.problem !== undefined ? { problem: changes.problem } : {}),
            ...(changes.category !== undefined ? { category: changes.category } : {}),
            ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
            ...(changes.location !== undefined ? { location: changes.location } : {}),
            ...(changes.placeId !== undefined ? { placeId: changes.placeId } : {}),
            ...(changes.occurredAt !== undefined
              ? { occurredAt: parseOccurredAt(changes.occurredAt, calendarOf(parsePeriod(state.period))) }
              : {}),
            ...(changes.frequency !== undefined ? { frequency: changes.frequency } : {}),
            ...(changes.comment !== undefined ? { comment: changes.comment } : {}),
            ...(changes.assessment !== undefined
              ? {
                  assessment: {
                    ...findIncident(state, incidentId).assessment,
                    ...definedOnly(changes.assessment),
                  },
                }
              : {}),
          },
          period,
          categories: this.settings.incidentCategories.map((category) => category.key),
        },
      }),
    );
    const incident = report.incidents.find((candidate) => candidate.id === incidentId);
    if (!incident) throw notFound('Incident');
    return { ...incident, reportId, version: report.version };
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
