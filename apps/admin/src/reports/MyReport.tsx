import { useEffect, useState } from 'react';
import { Alert, CircularProgress } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { currentPeriod, weekLabel } from '../shared/week.js';
import { findReport, loadReportingPeriod, openReport } from './current-report.js';

/**
 * `/my-report`: straight into this week's report of the person's organisation. Arriving here is
 * the decision to write it ("Börja veckans rapport" on the start page, "Veckans rapport" in the
 * menu), so the draft is opened at once rather than behind a second button that asks the same
 * question again; an existing report is simply found (openReport falls back to it on 409).
 */
export function MyReport() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const organisationId = identity?.organisationId as string | undefined;
  const [noPeriod, setNoPeriod] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!organisationId) return;
    let cancelled = false;
    (async () => {
      const period = await loadReportingPeriod();
      if (cancelled) return;
      if (!period) return setNoPeriod(true);
      const report =
        (await findReport(period.id, organisationId)) ?? (await openReport(period.id, organisationId));
      // `replace`: the browser's back button returns to where the person came from, not here.
      if (!cancelled)
        navigate(`/reports/${encodeURIComponent(report.id)}`, { replace: true, state: { fresh: true } });
    })().catch((caught: Error) => !cancelled && setError(caught.message));
    return () => {
      cancelled = true;
    };
  }, [organisationId, navigate]);

  const title = <Title title={translate('laget.menu.my_report')} />;
  if (error)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {title}
        {error}
      </Alert>
    );
  if (noPeriod)
    return (
      <Alert severity="info" sx={{ m: 2 }}>
        {title}
        {translate('laget.dashboard.no_period', { week: weekLabel(currentPeriod()) })}
      </Alert>
    );
  return (
    <>
      {title}
      <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />
    </>
  );
}
