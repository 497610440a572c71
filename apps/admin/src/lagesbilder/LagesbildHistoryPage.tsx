import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { OrganisationDto } from '@laget/contracts';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useCanAccess, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { swedishDateTime, weekLabel } from '../shared/week.js';
import { WeekHeading } from '../shared/WeekHeading.js';
import { actorName } from './actor-names.js';
import { historyTimeline, type Namer, type TimelineEntry } from './history-timeline.js';
import type { HistoryEntry } from '@laget/contracts';
import { lagesbildApi } from './lagesbild-api.js';
import { swedishError } from './lagesbild-errors.js';
import { useUserNames } from './useUserNames.js';

/** Section ids are stable across compiles (apps/api/src/lagesbild/lagesbild-layout.ts). */
const sectionKeys: Record<string, string> = {
  background: 'laget.lagesbild.section_background',
  incidents: 'laget.lagesbild.section_incidents',
  'police-statistics': 'laget.lagesbild.section_police_statistics',
  'coordinator-report': 'laget.lagesbild.section_coordinator_report',
  other: 'laget.lagesbild.section_other',
  conclusions: 'laget.lagesbild.section_conclusions',
};

function TimelineLine({ line, actor }: { line: TimelineEntry; actor: string }) {
  const translate = useTranslate();
  const t = (key: string, args?: Record<string, unknown>) =>
    translate(`laget.lagesbild.history.${key}`, args);
  return (
    <Paper component="li" variant="outlined" sx={{ p: 1.5, listStyle: 'none' }}>
      <Typography variant="body2" color="text.secondary">
        <time dateTime={line.at}>{swedishDateTime(line.at)}</time> · {actor}
      </Typography>
      <Typography>{t(line.message, line.args)}</Typography>
      {(line.notes.length > 0 || line.changes.length > 0) && (
        <Box
          component="dl"
          sx={{
            m: 0,
            mt: 0.5,
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: '12rem 1fr' },
            gap: 0.25,
          }}
        >
          {line.notes.map((note) => (
            <Box key={note.label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                {t(note.label)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {note.value}
              </Typography>
            </Box>
          ))}
          {line.changes.map((change) => (
            <Box key={change.label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                {t(change.label)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {t('before_after', { before: change.before, after: change.after })}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}

/**
 * Everything that happened to one week's lägesbild, newest first, in words: compiles, edits,
 * redactions with their legal ground and reason, target groups, approvals, publications,
 * corrections and retractions, and (folded away unless asked for) every read of an internal
 * version. For those who may see why something was masked: the coordinator and the reviewer.
 */
export function LagesbildHistoryPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess: mayListUsers } = useCanAccess({ action: 'list', resource: 'users' });
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [showReads, setShowReads] = useState(false);
  const { data: organisations } = useGetList<OrganisationDto & { id: string }>('organisations', {
    pagination: { page: 1, perPage: 500 },
  });
  const users = useUserNames(mayListUsers === true);

  useEffect(() => {
    let current = true;
    lagesbildApi
      .history(id)
      .then((found) => current && setEntries(found))
      .catch((caught: unknown) => current && setError(swedishError(caught)));
    return () => {
      current = false;
    };
  }, [id]);

  const lines = useMemo(() => {
    const organisation = (organisationId: string) =>
      organisations?.find((o) => o.id === organisationId)?.name ?? organisationId;
    const names: Namer = {
      section: (sectionId) =>
        sectionKeys[sectionId]
          ? translate(sectionKeys[sectionId])
          : sectionId.startsWith('org-')
            ? translate('laget.lagesbild.section_organisation', {
                organisation: organisation(sectionId.slice('org-'.length)),
              })
            : sectionId,
      organisation,
      role: (role) => translate(`laget.roles.${role}`, { _: role }),
      suggestionKind: (kind) => translate(`laget.lagesbild.kind_${kind}`, { _: kind }),
    };
    return historyTimeline(entries ?? [], names);
  }, [entries, organisations, translate]);

  const actor = (actorId: string) =>
    actorName(actorId, { me: identity, users }) ??
    (identity && String(identity.id) === actorId
      ? translate('laget.lagesbild.history.you')
      : translate('laget.lagesbild.history.system_or_other', { id: actorId }));
  const reads = lines.filter((line) => line.read).length;
  const shown = showReads ? lines : lines.filter((line) => !line.read);
  const title = translate('laget.lagesbild.history.title', { week: weekLabel(id) });

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <WeekHeading title={title}>
        <Button
          component={RouterLink}
          to={`/lagesbilder/${encodeURIComponent(id)}/show`}
          startIcon={<ArrowBackIcon />}
        >
          {translate('laget.lagesbild.history.back')}
        </Button>
      </WeekHeading>
      {error && <Alert severity="error">{error}</Alert>}
      {!entries && !error && <CircularProgress aria-label={translate('laget.common.loading')} />}
      {entries && (
        <>
          <FormControlLabel
            control={<Switch checked={showReads} onChange={(e) => setShowReads(e.target.checked)} />}
            label={translate('laget.lagesbild.history.show_reads', { smart_count: reads })}
            sx={{ mb: 1 }}
          />
          {shown.length === 0 ? (
            <Typography color="text.secondary">{translate('laget.lagesbild.history.empty')}</Typography>
          ) : (
            <Stack component="ol" spacing={1} sx={{ p: 0, m: 0 }} aria-label={title}>
              {shown.map((line) => (
                <TimelineLine key={line.key} line={line} actor={actor(line.actorId)} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Box>
  );
}
