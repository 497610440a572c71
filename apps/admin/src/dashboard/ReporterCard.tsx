import { useEffect, useState } from 'react';
import { Alert, Button, Card, CardActions, CardContent, CircularProgress, Typography } from '@mui/material';
import type { PeriodView, ReportView } from '@laget/contracts';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { CompiledEarlyNotice } from '../reports/CompiledEarlyNotice.js';
import { findReport, loadReportingPeriod } from '../reports/current-report.js';
import { StatusChip } from '../shared/StatusChip.js';
import { currentPeriod, swedishDateTime, weekLabel } from '../shared/week.js';

/** The reporter's first question: has my organisation reported this week, and by when must it? */
export function ReporterCard({ organisationId }: { organisationId: string }) {
  const translate = useTranslate();
  const [state, setState] = useState<{
    period?: PeriodView | null;
    report?: ReportView | null;
    error?: string;
  }>({});

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const period = (await loadReportingPeriod()) ?? null;
      const report = period ? ((await findReport(period.id, organisationId)) ?? null) : null;
      if (!cancelled) setState({ period, report });
    })().catch((error: Error) => !cancelled && setState({ error: error.message }));
    return () => {
      cancelled = true;
    };
  }, [organisationId]);

  const { period, report, error } = state;
  return (
    <Card component="section" aria-labelledby="reporter-heading">
      <CardContent>
        <Typography id="reporter-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.dashboard.this_week', { week: weekLabel(period?.id ?? currentPeriod()) })}
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {period === undefined && !error && (
          <CircularProgress size={24} aria-label={translate('laget.common.loading')} />
        )}
        {period === null && (
          <Typography>
            {translate('laget.dashboard.no_period', { week: weekLabel(currentPeriod()) })}
          </Typography>
        )}
        {period && (
          <>
            <Typography gutterBottom>
              {translate('laget.dashboard.deadline', { date: swedishDateTime(period.reportingDeadline) })}
            </Typography>
            {report?.status !== 'submitted' && <CompiledEarlyNotice period={period} />}
            <Typography component="div">
              {translate('laget.dashboard.report_status')} <StatusChip status={report?.status ?? 'missing'} />
            </Typography>
          </>
        )}
      </CardContent>
      {period && (
        <CardActions>
          <Button component={Link} to="/my-report" variant="contained" size="large" sx={{ minHeight: 44 }}>
            {translate(report ? 'laget.dashboard.open_report' : 'laget.dashboard.start_report')}
          </Button>
        </CardActions>
      )}
    </Card>
  );
}
