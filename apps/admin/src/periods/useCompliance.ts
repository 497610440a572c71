import type { ComplianceEntry, OrganisationDto, PeriodView, ReportView } from '@laget/contracts';
import { useGetList } from 'react-admin';
import { complianceOf } from './compliance.js';

/** Compliance for one week: the API's own list where present, else worked out from the lists. */
export function useCompliance(period: (PeriodView & { id: string }) | undefined): {
  entries: ComplianceEntry[];
  isPending: boolean;
} {
  const derive = Boolean(period) && !period?.compliance;
  const organisations = useGetList<OrganisationDto & { id: string }>(
    'organisations',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: derive },
  );
  const reports = useGetList<ReportView & { id: string }>(
    'reports',
    { pagination: { page: 1, perPage: 500 }, filter: { period: period?.id } },
    { enabled: derive },
  );
  if (!period) return { entries: [], isPending: true };
  if (period.compliance) return { entries: period.compliance, isPending: false };
  return {
    entries: complianceOf(period, organisations.data ?? [], reports.data ?? []),
    isPending: organisations.isPending || reports.isPending,
  };
}
