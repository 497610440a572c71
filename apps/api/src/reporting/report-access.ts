import { asSubject, type Action } from '@laget/permissions';
import type { Caller } from '../identity/index.js';
import { DomainError, notFound } from '../platform/domain/domain-error.js';
import type { LoadedReport, OpenReport, ReportAndWeek } from './report-and-week.js';
import { isLocked, type PeriodContext } from './report.decider.js';

/**
 * Who may do what with a report, decided on the actual report and its week (the permission
 * matrix's conditions): shared by the report commands and the report query.
 */

/** The report, if it exists and the caller may read it; one that does not and one they may not see are the same 404. */
export function visibleReport(caller: Caller, current: ReportAndWeek): LoadedReport {
  const { state, period } = current;
  if (state.status === 'none') throw notFound('Report');
  if (!caller.ability.can('read', reportSubject(state, period))) throw notFound('Report');
  return { ...current, state };
}

/** A report reopened by the coordinator counts as in an open period for the rules, until the next compile. */
export function effectivePeriodStatus(state: OpenReport, period: PeriodContext) {
  return isLocked(state, period) ? period.status : 'open';
}

export function reportSubject(state: OpenReport, period: PeriodContext) {
  return asSubject('Report', {
    id: state.reportId,
    organisationId: state.organisationId,
    periodStatus: effectivePeriodStatus(state, period),
    status: state.status,
    openedById: state.openedById,
  });
}

export function incidentSubject(report: LoadedReport) {
  return asSubject('Incident', {
    organisationId: report.state.organisationId,
    periodStatus: effectivePeriodStatus(report.state, report.period),
    reportStatus: report.state.status,
    reportOpenedById: report.state.openedById,
  });
}

/** 403 unless the caller may do `action` to the subject, and to each of `fields` of it. */
export function authorise(
  caller: Caller,
  action: Action,
  subject: ReturnType<typeof asSubject>,
  fields: readonly string[],
): void {
  if (!caller.ability.can(action, subject)) {
    throw new DomainError(
      'forbidden',
      'Du får inte göra detta med rapporten / You may not do this with the report',
      {
        action,
      },
    );
  }
  const refused = fields.filter((field) => !caller.ability.can(action, subject, field));
  if (refused.length > 0) {
    throw new DomainError(
      'forbidden',
      `Du får inte ändra ${refused.join(', ')} / You may not change these fields`,
      {
        fields: refused,
      },
    );
  }
}

/** The permission matrix decides who keeps the register (the coordinator), as for every other subject. */
export function ensureMayKeepPlaces(
  caller: Caller,
  action: 'create' | 'update' | 'delete',
  id?: string,
): void {
  if (!caller.ability.can(action, asSubject('Place', id === undefined ? {} : { id }))) {
    throw new DomainError(
      'forbidden',
      'Bara samordnaren för platsregistret / Only the coordinator keeps the place register',
    );
  }
}
