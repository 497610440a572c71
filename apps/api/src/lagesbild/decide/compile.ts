import { conflict, DomainError, ruleBroken } from '../../platform/domain/domain-error.js';
import { isAnalysisPeriodId } from '../../reporting/analysis-period.js';
import { earlyCompileOf } from '../early-compile.js';
import { isCoordinatorSectionId } from '../lagesbild-layout.js';
import type { LagesbildCommand, LagesbildEvent, LagesbildState } from '../lagesbild-state.js';
import { type CommandOf, invalid, requireEditable } from './guards.js';

/*
 * Compiling a week and changing what it is compiled from: the coordinator's own sections and the
 * reports taken in after compile.
 */

/** One snapshot of every submitted report; once per week (amendments are taken in). */
export function decideCompile(
  command: CommandOf<LagesbildCommand, 'CompileLagesbild'>,
  state: LagesbildState,
): LagesbildEvent[] {
  const { period, background, reports, actorId, timing, comparison, actions } = command.data;
  if (state.status !== 'not_compiled') {
    throw conflict(
      `${state.period ?? period} är redan sammanställd; ta in ändrade rapporter i stället / ${state.period ?? period} is already compiled; take amended reports in instead`,
    );
  }
  if (reports.length === 0)
    throw ruleBroken(
      'Inga rapporter är inskickade för veckan än / Nothing has been submitted for this period yet',
    );
  // A period analysis gathers each organisation's report of every week in it: one per report.
  const analysis = isAnalysisPeriodId(period);
  const contributors = new Set(reports.map((report) => (analysis ? report.reportId : report.organisationId)));
  if (contributors.size !== reports.length) {
    throw invalid('Each organisation may contribute one report', { organisationIds: [...contributors] });
  }
  const early = earlyCompileOf(timing, actorId);
  return [
    {
      type: 'LagesbildCompiled',
      data: {
        period,
        background,
        reports: [...reports],
        takenVersions: reports.map(({ reportId, organisationId, reportVersion }) => ({
          reportId,
          organisationId,
          reportVersion,
        })),
        by: actorId,
        ...(early ? { early } : {}),
        ...(comparison ? { comparison } : {}),
        ...(actions && actions.length > 0 ? { actions: [...actions] } : {}),
      },
    },
  ];
}

/** A coordinator section's new text; the sections from reports are not edited here. */
export function decideEditSection(
  command: CommandOf<LagesbildCommand, 'EditSection'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireEditable(state);
  const { sectionId, text, actorId } = command.data;
  if (!state.sections.some((section) => section.id === sectionId)) {
    throw new DomainError('not_found', `Avsnittet finns inte / Section "${sectionId}" was not found`);
  }
  if (!isCoordinatorSectionId(sectionId)) {
    throw new DomainError(
      'forbidden',
      `Avsnittet kommer från en aktörs rapport och redigeras inte här / Section "${sectionId}" comes from a report and is not edited here`,
      {
        sectionId,
      },
    );
  }
  if (state.texts[sectionId] === text) return [];
  return [{ type: 'SectionEdited', data: { sectionId, text, by: actorId } }];
}

/** A newer submitted version of a report replaces the one taken (a recorded recompile). */
export function decideTakeInReport(
  command: CommandOf<LagesbildCommand, 'TakeInReport'>,
  state: LagesbildState,
): LagesbildEvent[] {
  requireEditable(state);
  if (state.period !== null && isAnalysisPeriodId(state.period)) {
    throw ruleBroken(
      'En periodanalys tar inte in enskilda rapporter; den sammanställs från veckornas inskickade rapporter / A period analysis does not take single reports in',
    );
  }
  const { report, reason, actorId } = command.data;
  const previous = state.reports.find((candidate) => candidate.organisationId === report.organisationId);
  if (previous && previous.reportVersion >= report.reportVersion) {
    throw conflict(
      `Den här versionen är inte nyare än den som redan är med / Version ${report.reportVersion} of this report is not newer than the one taken in`,
      {
        takenVersion: previous.reportVersion,
      },
    );
  }
  return [
    {
      type: 'ReportTakenIn',
      data: { report, previousVersion: previous?.reportVersion ?? null, reason, by: actorId },
    },
  ];
}
