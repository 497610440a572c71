import { useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { currentPeriod, swedishDateTime, weekLabel } from '../shared/week.js';
import { CompiledEarlyNotice } from './CompiledEarlyNotice.js';
import { findReport, loadReportingPeriod, openReport } from './current-report.js';

/** `/my-report`: straight to this week's report of the reporter's organisation, opening it if needed. */
export function MyReport() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { identity } = useGetIdentity();
  const organisationId = identity?.organisationId as string | undefined;
  const [period, setPeriod] = useState<PeriodView | null | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!organisationId) return;
    let cancelled = false;
    (async () => {
      const found = await loadReportingPeriod();
      if (cancelled) return;
      setPeriod(found ?? null);
      if (!found) return;
      const report = await findReport(found.id, organisationId);
      if (!cancelled && report) navigate(`/reports/${encodeURIComponent(report.id)}`, { replace: true });
    })().catch((caught: Error) => setError(caught.message));
    return () => {
      cancelled = true;
    };
  }, [organisationId, navigate]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (period === undefined)
    return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;
  if (period === null)
    return (
      <Alert severity="info">
        {translate('laget.dashboard.no_period', { week: weekLabel(currentPeriod()) })}
      </Alert>
    );

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('laget.menu.my_report')} />
      <Typography component="h1" variant="h5" gutterBottom>
        {translate('laget.dashboard.this_week', { week: weekLabel(period.id) })}
      </Typography>
      <Typography gutterBottom>
        {translate('laget.dashboard.deadline', { date: swedishDateTime(period.reportingDeadline) })}
      </Typography>
      <CompiledEarlyNotice period={period} />
      <Button
        variant="contained"
        onClick={async () => {
          try {
            const report = await openReport(period.id, organisationId ?? '');
            navigate(`/reports/${encodeURIComponent(report.id)}`);
          } catch (caught) {
            notify((caught as Error).message, { type: 'error' });
          }
        }}
      >
        {translate('laget.dashboard.start_report')}
      </Button>
    </Box>
  );
}
