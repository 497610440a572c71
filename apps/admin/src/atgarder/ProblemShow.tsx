import {
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { ActionView } from '@laget/contracts';
import { Link } from 'react-router-dom';
import {
  EditButton,
  ReferenceArrayField,
  Show,
  SingleFieldList,
  ChipField,
  TopToolbar,
  useCanAccess,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ProblemIncidents } from './ProblemIncidents.js';
import { timelineOf } from './timeline.js';

function ProblemActions() {
  const { canAccess: mayEdit } = useCanAccess({ action: 'edit', resource: 'problems' });
  return <TopToolbar>{mayEdit && <EditButton />}</TopToolbar>;
}

function ProblemHeader() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card component="section">
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {String(record.title)}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }}>
          <Chip size="small" label={translate(`laget.atgarder.problem_status.${String(record.status)}`)} />
          <Chip size="small" variant="outlined" label={String(record.category)} />
        </Stack>
        <ReferenceArrayField source="placeIds" reference="places">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        {record.description && (
          <Typography sx={{ mt: 1, whiteSpace: 'pre-line' }}>{String(record.description)}</Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The problem's actions and, below them, their starts, follow-ups and due dates as one timeline. */
function ProblemActionsAndTimeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess: mayPlan } = useCanAccess({ action: 'create', resource: 'actions' });
  const { data: actions = [] } = useGetList<ActionView & { id: string }>(
    'actions',
    { filter: { problemId: record?.id }, pagination: { page: 1, perPage: 500 } },
    { enabled: record?.id !== undefined },
  );
  if (!record) return null;
  const newAction = `/actions/create?source=${encodeURIComponent(JSON.stringify({ problemId: record.id }))}`;
  return (
    <Card component="section" aria-labelledby="problem-actions-heading">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography id="problem-actions-heading" component="h2" variant="h6">
            {translate('laget.atgarder.actions')}
          </Typography>
          {mayPlan && (
            <MuiButton component={Link} to={newAction} variant="contained" sx={{ minHeight: 44 }}>
              {translate('laget.atgarder.new_action')}
            </MuiButton>
          )}
        </Stack>
        {actions.length === 0 && <Typography>{translate('laget.atgarder.no_actions')}</Typography>}
        <List dense>
          {actions.map((action) => (
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
              </ListItemButton>
            </ListItem>
          ))}
        </List>
        <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
          {translate('laget.atgarder.timeline')}
        </Typography>
        <List dense aria-label={translate('laget.atgarder.timeline')}>
          {timelineOf(actions).map((entry, index) => (
            <ListItem key={`${entry.actionId}-${entry.kind}-${index}`} disableGutters>
              <ListItemText
                primary={`${entry.on} · ${
                  entry.kind === 'follow_up'
                    ? translate('laget.atgarder.timeline_follow_up', {
                        title: entry.title,
                        effect: translate(`laget.atgarder.effect.${entry.effect}`),
                      })
                    : translate(`laget.atgarder.timeline_${entry.kind}`, { title: entry.title })
                }`}
                secondary={entry.kind === 'follow_up' ? entry.text : undefined}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

/** A problem's page: what and where, its incidents across weeks, its actions and follow-ups. */
export function ProblemShow() {
  return (
    <Show actions={<ProblemActions />}>
      <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 } }}>
        <ProblemHeader />
        <ProblemIncidents />
        <ProblemActionsAndTimeline />
      </Stack>
    </Show>
  );
}
