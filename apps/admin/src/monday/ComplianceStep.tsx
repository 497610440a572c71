import { Alert, Chip, Link, Stack, Typography } from '@mui/material';
import type { PeriodView } from '@laget/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { api } from '../http.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { complianceCounts } from '../periods/compliance.js';

/**
 * Who has reported for the week, in a line, and who has not, by name. The API has no "remind
 * now" endpoint: reminders go out on the municipality's schedule, which the text says.
 */
export function ComplianceStep({ period }: { period: string }) {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['periods', period, 'compliance'],
    queryFn: async () => (await api<PeriodView>(`/api/periods/${encodeURIComponent(period)}`)).json,
    retry: false,
  });
  if (error) return <Alert severity="error">{swedishError(error)}</Alert>;
  if (!data) return null;
  const entries = data.compliance ?? [];
  const notYet = entries.filter((e) => e.state === 'missing' || e.state === 'pending');
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
        </>
      )}
      <Link component={RouterLink} to={`/periods/${encodeURIComponent(period)}/show`} variant="body2">
        {translate('laget.lagesbild.monday.compliance_link')}
      </Link>
    </Stack>
  );
}
