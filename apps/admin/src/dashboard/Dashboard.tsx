import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { OwnActionsCard } from '../atgarder/OwnActionsCard.js';
import { AdminCard } from './AdminCard.js';
import { CoordinatorCard } from './CoordinatorCard.js';
import { ReporterCard } from './ReporterCard.js';

/** One card per role the person holds; a person with several roles sees each. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const roles = (identity?.roles as string[] | undefined) ?? [];
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <Title title={translate('laget.menu.dashboard')} />
      <Typography component="h1" variant="h5" gutterBottom>
        {translate('laget.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Stack spacing={2}>
        {roles.includes('reporter') && identity?.organisationId && (
          <ReporterCard organisationId={String(identity.organisationId)} />
        )}
        {roles.includes('reporter') && identity?.organisationId && (
          <OwnActionsCard organisationId={String(identity.organisationId)} />
        )}
        {roles.includes('coordinator') && <CoordinatorCard />}
        {(roles.includes('est_member') || roles.includes('reviewer')) && (
          <Card component="section">
            <CardContent>
              <Typography>{translate('laget.dashboard.est_member')}</Typography>
            </CardContent>
          </Card>
        )}
        {roles.includes('admin') && <AdminCard />}
      </Stack>
    </Box>
  );
}
