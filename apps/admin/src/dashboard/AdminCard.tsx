import {
  Button,
  Card,
  CardActions,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { OrganisationDto, UserDto } from '@laget/contracts';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { StalledProjectionsAlert } from './StalledProjectionsAlert.js';

/** The administrator's overview: organisations, logins, and who still has a one-time password. */
export function AdminCard() {
  const translate = useTranslate();
  const organisations = useGetList<OrganisationDto & { id: string }>('organisations', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const users = useGetList<UserDto & { id: string }>('users', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'username', order: 'ASC' },
  });
  const activeOrganisations = (organisations.data ?? []).filter((o) => o.active).length;
  const activeUsers = (users.data ?? []).filter((u) => u.active).length;
  const oneTime = (users.data ?? []).filter((u) => u.active && u.mustChangePassword);
  return (
    <Card component="section" aria-labelledby="admin-heading">
      <CardContent>
        <Typography id="admin-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.roles.admin')}
        </Typography>
        <StalledProjectionsAlert />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ mb: 2 }}>
          <div>
            <Typography component="h3" variant="subtitle1">
              {translate('laget.dashboard.organisations')}
            </Typography>
            <Typography>
              {translate('laget.dashboard.active_count', {
                count: activeOrganisations,
                total: organisations.total ?? 0,
              })}
            </Typography>
          </div>
          <div>
            <Typography component="h3" variant="subtitle1">
              {translate('laget.dashboard.users')}
            </Typography>
            <Typography>
              {translate('laget.dashboard.active_count', { count: activeUsers, total: users.total ?? 0 })}
            </Typography>
          </div>
        </Stack>
        {oneTime.length > 0 && (
          <>
            <Typography component="h3" variant="subtitle1">
              {translate('laget.dashboard.must_change')}
            </Typography>
            <List dense>
              {oneTime.map((user) => (
                <ListItem key={user.id}>
                  <ListItemText primary={user.displayName} secondary={user.username} />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </CardContent>
      <CardActions>
        <Button component={Link} to="/organisations">
          {translate('laget.dashboard.organisations')}
        </Button>
        <Button component={Link} to="/users">
          {translate('laget.dashboard.users')}
        </Button>
      </CardActions>
    </Card>
  );
}
