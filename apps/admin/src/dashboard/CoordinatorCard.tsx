import { useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, List, ListItem, Stack, Typography } from '@mui/material';
import type { PeriodView, ReportView } from '@laget/contracts';
import { Link, useNavigate } from 'react-router-dom';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { ComplianceTable } from '../periods/ComplianceTable.js';
import { useCompliance } from '../periods/useCompliance.js';
import { loadReportingPeriod } from '../reports/current-report.js';
import { weekLabel } from '../shared/week.js';
import { api } from '../http.js';
import { CompileButton } from '../lagesbilder/CompileButton.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { FailedJobItems } from './FailedJobItems.js';
import { LagesbildWaitingItems } from './LagesbildWaitingItems.js';
import { StalledProjectionsAlert } from './StalledProjectionsAlert.js';
import { todoWeek } from './todo-week.js';
import { useFailedJobs } from './useFailedJobs.js';
import { useLagesbildWaiting } from './useLagesbildWaiting.js';
import { useWeekLinks } from './useWeekLinks.js';

/**
 * The coordinator's Monday: who has reported for the week open now, and what waits: amendments
 * after compile, stale masks and approvals in the compiled lägesbild (usually the week before),
 * and background jobs that failed. Each heading names the week its part is about.
 */
export function CoordinatorCard() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<(PeriodView & { id: string }) | null | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    loadReportingPeriod()
      .then(async (found) => {
        // The single period's answer carries compliance; the list's may not.
        if (!found) return setPeriod(null);
        const { json } = await api<PeriodView>(`/api/periods/${encodeURIComponent(found.id)}`);
        setPeriod({ ...json, id: json.id });
      })
      .catch((caught: unknown) => setError(swedishError(caught)));
  }, []);

  const { entries } = useCompliance(period ?? undefined);
  const amended = useGetList<ReportView & { id: string }>(
    'reports',
    { pagination: { page: 1, perPage: 50 }, filter: { status: 'amended' } },
    { enabled: Boolean(period) },
  );
  const waiting = (amended.data ?? []).filter((report) => report.status === 'amended');
  const lagesbild = useLagesbildWaiting(true);
  const links = useWeekLinks();
  const { canAccess: mayReadJobs } = useCanAccess({ action: 'list', resource: 'jobs' });
  const jobs = useFailedJobs(Boolean(mayReadJobs));
  const nothingWaiting = waiting.length === 0 && lagesbild.items.length === 0 && jobs.failures.length === 0;

  const todo = todoWeek(
    lagesbild.period,
    lagesbild.items.length,
    waiting.map((report) => report.period),
  );

  return (
    <Card component="section" aria-labelledby="coordinator-heading">
      <CardContent>
        <Typography id="coordinator-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.roles.coordinator')}
        </Typography>
        <StalledProjectionsAlert />
        {/* One click into the Monday screen for the week due; the weeks people look for next to it. */}
        <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          {links.monday && (
            <Button component={Link} to={`/mandag/${encodeURIComponent(links.monday)}`} variant="contained">
              {translate('laget.lagesbild.weeks.monday', { week: weekLabel(links.monday) })}
            </Button>
          )}
          {links.lastCompiled && links.lastCompiled !== links.monday && (
            <Button component={Link} to={`/lagesbilder/${encodeURIComponent(links.lastCompiled)}/show`}>
              {translate('laget.lagesbild.weeks.last_compiled', { week: weekLabel(links.lastCompiled) })}
            </Button>
          )}
          {links.demo && (
            <Button component={Link} to={`/lagesbilder/${encodeURIComponent(links.demo)}/show`}>
              {translate('laget.lagesbild.weeks.demo', { week: weekLabel(links.demo) })}
            </Button>
          )}
        </Stack>
        <Typography component="h3" variant="subtitle1">
          {period
            ? translate('laget.dashboard.reporting_for', { week: weekLabel(period.id) })
            : translate('laget.periods.compliance')}
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {period && (
          <>
            <ComplianceTable entries={entries} />
            <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
              <Button
                component={Link}
                to={`/lagesbilder/${encodeURIComponent(period.id)}/show`}
                variant="contained"
              >
                {translate('laget.periods.open_lagesbild')}
              </Button>
              <Button component={Link} to={`/periods/${encodeURIComponent(period.id)}/show`}>
                {translate('laget.periods.compliance')}
              </Button>
              {period.status === 'open' && (
                // Before the deadline this asks first, naming who has not reported and the time left.
                <CompileButton
                  period={period.id}
                  label={translate('laget.dashboard.compile_week')}
                  color="primary"
                  onCompiled={() => navigate(`/lagesbilder/${encodeURIComponent(period.id)}/show`)}
                />
              )}
            </Stack>
          </>
        )}
        <Typography component="h3" variant="subtitle1" sx={{ mt: 3 }}>
          {todo
            ? translate('laget.dashboard.todo_for', { week: weekLabel(todo) })
            : translate('laget.dashboard.todo')}
        </Typography>
        {lagesbild.error && <Alert severity="error">{lagesbild.error}</Alert>}
        {nothingWaiting && (
          <Typography color="text.secondary">{translate('laget.dashboard.nothing_waiting')}</Typography>
        )}
        {(waiting.length > 0 || lagesbild.items.length > 0) && (
          <List dense>
            <LagesbildWaitingItems period={lagesbild.period} items={lagesbild.items} />
            {waiting.map((report) => (
              <ListItem
                key={report.id}
                component={Link}
                to={`/reports/${encodeURIComponent(report.id)}/show`}
              >
                {translate('laget.dashboard.amended_after_compile')}: {weekLabel(report.period)}
              </ListItem>
            ))}
          </List>
        )}
        {(jobs.failures.length > 0 || jobs.error) && (
          <>
            <Typography component="h3" variant="subtitle1" sx={{ mt: 3 }}>
              {translate('laget.dashboard.failed.heading')}
            </Typography>
            {jobs.error && <Alert severity="error">{jobs.error}</Alert>}
            {jobs.failures.length > 0 && (
              <List dense>
                <FailedJobItems failures={jobs.failures} />
              </List>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
