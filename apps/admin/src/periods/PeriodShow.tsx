import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ArticleIcon from '@mui/icons-material/Article';
import type { PeriodView } from '@laget/contracts';
import { Link } from 'react-router-dom';
import { Show, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { StatusChip } from '../shared/StatusChip.js';
import { swedishDate, swedishDateTime, weekLabel } from '../shared/week.js';
import { ComplianceTable } from './ComplianceTable.js';
import { useCompliance } from './useCompliance.js';

function PeriodDetails() {
  const period = useRecordContext<PeriodView & { id: string }>();
  const translate = useTranslate();
  const { canAccess: coordinates } = useCanAccess({ action: 'create', resource: 'lagesbilder' });
  const { canAccess: readsLagesbild } = useCanAccess({ action: 'show', resource: 'lagesbilder' });
  const { entries } = useCompliance(coordinates ? period : undefined);
  if (!period) return null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography component="h1" variant="h5" sx={{ flex: 1 }}>
          {weekLabel(period.id)}
        </Typography>
        {period.monthlyMeeting && <Chip label={translate('laget.periods.monthly')} color="info" />}
        <StatusChip status={period.status} size="medium" />
      </Stack>
      <Typography>
        {swedishDate(period.startsOn)} – {swedishDate(period.endsOn)}
      </Typography>
      <Typography gutterBottom>
        {translate('laget.dashboard.deadline', { date: swedishDateTime(period.reportingDeadline) })}
      </Typography>
      {readsLagesbild && (
        <Button
          component={Link}
          to={`/lagesbilder/${encodeURIComponent(period.id)}/show`}
          variant="contained"
          startIcon={<ArticleIcon />}
          sx={{ my: 1 }}
        >
          {translate('laget.periods.open_lagesbild')}
        </Button>
      )}
      {coordinates && (
        <Card variant="outlined" sx={{ mt: 2 }}>
          <CardContent>
            <Typography component="h2" variant="h6" gutterBottom>
              {translate('laget.periods.compliance')}
            </Typography>
            <ComplianceTable entries={entries} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
}

export function PeriodShow() {
  return (
    <Show>
      <PeriodDetails />
    </Show>
  );
}
