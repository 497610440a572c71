import type {
  ComplianceEntry,
  ComplianceState,
  OrganisationDto,
  PeriodView,
  ReportView,
} from '@laget/contracts';

const submitted = new Set(['submitted', 'amended']);

/**
 * Who has reported for a week. The API's single-period answer carries this as `compliance`;
 * where it does not (a list answer) it is worked out from the organisations and reports with
 * the contract's meaning: `on_time`/`late` have submitted, `pending` not yet, `missing` not and
 * the deadline has passed. As the API does, it leaves out an organisation registered after the
 * week's deadline that has no report for it: nobody expected one from it that week.
 */
export function complianceOf(
  period: Pick<PeriodView, 'id' | 'reportingDeadline' | 'compliance'>,
  organisations: (Pick<OrganisationDto, 'id' | 'name' | 'active'> & { createdAt?: string | null })[],
  reports: Pick<ReportView, 'id' | 'organisationId' | 'status' | 'submittedAt'>[],
  now: Date = new Date(),
): ComplianceEntry[] {
  if (period.compliance) return period.compliance;
  const deadline = period.reportingDeadline ? new Date(period.reportingDeadline).getTime() : Infinity;
  const byOrganisation = new Map(reports.map((report) => [report.organisationId, report]));
  return organisations
    .filter((organisation) => organisation.active)
    .filter(
      (organisation) =>
        !organisation.createdAt ||
        new Date(organisation.createdAt).getTime() <= deadline ||
        byOrganisation.has(organisation.id),
    )
    .map((organisation): ComplianceEntry => {
      const report = byOrganisation.get(organisation.id);
      let state: ComplianceState;
      if (report && submitted.has(report.status))
        state = report.submittedAt && new Date(report.submittedAt).getTime() > deadline ? 'late' : 'on_time';
      else state = now.getTime() > deadline ? 'missing' : 'pending';
      return {
        organisationId: organisation.id,
        organisationName: organisation.name,
        state,
        reportId: report?.id ?? null,
        reportStatus: report?.status ?? null,
        submittedAt: report?.submittedAt ?? null,
        record: [{ period: period.id, state }],
      };
    })
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv'));
}

export function complianceCounts(entries: ComplianceEntry[]) {
  return {
    total: entries.length,
    reported: entries.filter((e) => e.state === 'on_time' || e.state === 'late').length,
    missing: entries.filter((e) => e.state === 'missing').length,
  };
}
