import { useState } from 'react';
import { Alert, Box, Button, Chip, Link, Stack, Typography } from '@mui/material';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import type { PeriodView } from '@laget/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { api } from '../http.js';
import { ConfirmDialog } from '../lagesbilder/ConfirmDialog.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { complianceCounts } from '../periods/compliance.js';
import { weekLabel } from '../shared/week.js';
import { newReminderKey, notReported, reminderOutcome, remindNow } from './remind-now.js';

/**
 * Who has reported for the week, in a line, and who has not, by name. Reminders go out on the
 * municipality's schedule, which the text says; the coordinator (`remind` on `Period` in the
 * packed rules) can also remind those listed now, after a confirmation.
 */
export function ComplianceStep({ period }: { period: string }) {
  const translate = useTranslate();
  const { canAccess: mayRemind } = useCanAccess({ action: 'remind', resource: 'periods' });
  const [asking, setAsking] = useState(false);
  // One key per confirmation: a retry of the same click is not a second round of e-mails.
  const [key, setKey] = useState(newReminderKey);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<ReturnType<typeof reminderOutcome> | undefined>();
  const { data, error: loadError } = useQuery({
    queryKey: ['periods', period, 'compliance'],
    queryFn: async () => (await api<PeriodView>(`/api/periods/${encodeURIComponent(period)}`)).json,
    retry: false,
  });
  if (loadError) return <Alert severity="error">{swedishError(loadError)}</Alert>;
  if (!data) return null;
  const entries = data.compliance ?? [];
  const notYet = notReported(entries);

  async function remind(): Promise<boolean> {
    setError(undefined);
    try {
      const answer = await remindNow(
        period,
        notYet.map((entry) => entry.organisationId),
        key,
      );
      setOutcome(reminderOutcome(answer, entries));
      setKey(newReminderKey());
      return true;
    } catch (caught) {
      // Shown in the dialog, which stays open: confirming again retries with the same key.
      setError(translate('laget.lagesbild.monday.remind_failed', { error: swedishError(caught) }));
      return false;
    }
  }

  return (
    <Stack spacing={1}>
      <Typography>{translate('laget.periods.reported_count', complianceCounts(entries))}</Typography>
      {notYet.length > 0 && (
        <>
          <Typography variant="body2" id="monday-not-reported">
            {translate('laget.dashboard.not_reported')}:
          </Typography>
          <Stack
            direction="row"
            spacing={0.5}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            component="ul"
            aria-labelledby="monday-not-reported"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {notYet.map((entry) => (
              <li key={entry.organisationId}>
                <Chip size="small" label={entry.organisationName} />
              </li>
            ))}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('laget.lagesbild.monday.reminders')}
          </Typography>
          {mayRemind && !outcome && (
            <Box>
              <Button
                variant="outlined"
                startIcon={<NotificationsActiveIcon />}
                onClick={() => {
                  setError(undefined);
                  setAsking(true);
                }}
              >
                {translate('laget.lagesbild.monday.remind')}
              </Button>
            </Box>
          )}
        </>
      )}
      {outcome && (
        <Alert severity="success" role="status" onClose={() => setOutcome(undefined)}>
          {translate('laget.lagesbild.monday.reminded', { smart_count: outcome.count })}
          {outcome.alreadyReported &&
            ` ${translate('laget.lagesbild.monday.reminded_already', { names: outcome.alreadyReported })}`}
          {outcome.unreachable &&
            ` ${translate('laget.lagesbild.monday.reminded_unreachable', { names: outcome.unreachable })}`}
        </Alert>
      )}
      <Link component={RouterLink} to={`/periods/${encodeURIComponent(period)}/show`} variant="body2">
        {translate('laget.lagesbild.monday.compliance_link')}
      </Link>
      <ConfirmDialog
        open={asking}
        title={translate('laget.lagesbild.monday.remind')}
        confirmLabel={translate('laget.lagesbild.monday.remind_send')}
        error={error}
        onClose={() => setAsking(false)}
        onConfirm={remind}
      >
        {translate('laget.lagesbild.monday.remind_confirm', {
          smart_count: notYet.length,
          week: weekLabel(period),
        })}
      </ConfirmDialog>
    </Stack>
  );
}
