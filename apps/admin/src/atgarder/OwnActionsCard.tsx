import {
  Alert,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import type { ActionView } from '@laget/contracts';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { byUrgency, todayInStockholm, urgencyOf } from './due.js';

/** The reporter's start page: the actions its organisation owns, what is due first. */
export function OwnActionsCard({ organisationId }: { organisationId: string }) {
  const translate = useTranslate();
  const today = todayInStockholm();
  const { data = [], error } = useGetList<ActionView & { id: string }>('actions', {
    filter: { ownerOrganisationId: organisationId },
    pagination: { page: 1, perPage: 500 },
  });
  const actions = byUrgency(data, today).filter((a) => a.status !== 'done' && a.status !== 'cancelled');
  return (
    <Card component="section" aria-labelledby="own-actions-heading">
      <CardContent>
        <Typography id="own-actions-heading" component="h2" variant="h6" gutterBottom>
          {translate('laget.atgarder.own_actions')}
        </Typography>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {actions.length === 0 && !error && (
          <Typography>{translate('laget.atgarder.no_own_actions')}</Typography>
        )}
        <List dense>
          {actions.map((action) => {
            const urgency = urgencyOf(action, today);
            return (
              <ListItem key={action.id} disablePadding>
                <ListItemButton
                  component={Link}
                  to={`/actions/${encodeURIComponent(action.id)}`}
                  sx={{ minHeight: 44 }}
                >
                  <ListItemText
                    primary={action.title}
                    secondary={`${translate(`laget.atgarder.action_status.${action.status}`)} · ${translate('laget.atgarder.due_on', { date: action.dueOn })}`}
                  />
                  {urgency !== 'none' && (
                    <Chip
                      size="small"
                      color={urgency === 'overdue' ? 'error' : 'warning'}
                      label={translate(`laget.atgarder.urgency.${urgency}`)}
                    />
                  )}
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
