import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Grid,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import type { LagesbildDocument, PeriodView, RedactionSuggestion } from '@laget/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, Navigate, useParams } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { api } from '../http.js';
import { CompileButton } from '../lagesbilder/CompileButton.js';
import { lagesbildApi } from '../lagesbilder/lagesbild-api.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { allowedGroundsOf, defaultLegalGrounds } from '../lagesbilder/legal-grounds.js';
import { SectionView } from '../lagesbilder/SectionView.js';
import { draftFromSuggestion, redactionRequestOf } from '../lagesbilder/suggestion-actions.js';
import { useLagesbildWorkspace } from '../lagesbilder/useLagesbildWorkspace.js';
import { weekLabel } from '../shared/week.js';
import { WeekHeading } from '../shared/WeekHeading.js';
import { ApprovePublishStep } from './ApprovePublishStep.js';
import { BulkSuggestions, type BulkRun } from './BulkSuggestions.js';
import { sendEach, type BulkProgress } from './bulk-suggestions.js';
import { ComplianceStep } from './ComplianceStep.js';
import { mondayWeek } from './monday-week.js';

const statusOf = (caught: unknown) => (caught as { status?: number } | undefined)?.status;

/** `/mandag` opens the week due; `/mandag/:id` a week of the coordinator's choosing. */
export function MondayPage() {
  const { id } = useParams<{ id: string }>();
  return id ? <MondayWeek id={id} /> : <WeekDue />;
}

function WeekDue() {
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['periods', 'monday-week'],
    queryFn: async () => (await api<PeriodView[]>('/api/periods?page=1&perPage=12')).json,
    retry: false,
  });
  if (error) return <Alert severity="error">{swedishError(error)}</Alert>;
  if (!data) return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;
  const week = mondayWeek(Array.isArray(data) ? data : []);
  if (!week) return <Alert severity="info">{translate('laget.lagesbild.monday.no_week')}</Alert>;
  return <Navigate to={`/mandag/${encodeURIComponent(week)}`} replace />;
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = `monday-step-${number}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={id}>
      <CardContent>
        <Typography id={id} component="h2" variant="h6" gutterBottom>
          {`${number}. ${title}`}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/**
 * The coordinator's Monday for one week on one screen: who has reported, compile, the
 * suggestions handled in bulk, approve and publish in one confirmed step, then the public link;
 * the internal text and the open version side by side, the steps beside them following the
 * scroll. Every step is still one request, one event each, on the server; the full workspace
 * (edits, target groups, corrections) is one link away.
 */
function MondayWeek({ id }: { id: string }) {
  const translate = useTranslate();
  const workspace = useLagesbildWorkspace(id, { showsOpen: true });
  const { document: doc, compiled, open, redactions, suggestions } = workspace;
  const { mayRedact, mayCompile } = workspace.access;
  const [grounds, setGrounds] = useState<readonly string[]>(defaultLegalGrounds);

  const title = translate('laget.lagesbild.monday.title', { week: weekLabel(id) });
  if (workspace.error) return <Alert severity="error">{swedishError(workspace.error)}</Alert>;
  if (!doc) return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;

  /** One request per suggestion, each with the version the one before it left (If-Match). */
  async function runBulk(run: BulkRun, onProgress: (progress: BulkProgress) => void) {
    let version = doc?.version ?? 0;
    const send = async (suggestion: RedactionSuggestion) => {
      try {
        const { json } =
          run.action === 'mask'
            ? await lagesbildApi.redact(
                id,
                redactionRequestOf(draftFromSuggestion(suggestion), run.legalGround, run.reason),
                version,
              )
            : await lagesbildApi.dismiss(id, suggestion, version, run.reason);
        if (typeof json?.version === 'number') version = json.version;
      } catch (caught) {
        // Someone else changed the week: the open view (whose reads are not logged) has the version.
        if (statusOf(caught) === 409) version = (await lagesbildApi.document(id, 'open')).version;
        const allowed = allowedGroundsOf(caught);
        if (allowed) setGrounds(allowed);
        throw caught;
      }
    };
    const outcome = await sendEach(run.suggestions, send, onProgress);
    // One refresh at the end rather than one per request: each read of the internal version is logged.
    await workspace.refresh(['document', 'open', 'suggestions', 'redactions']);
    return outcome;
  }

  const masks = redactions ?? [];
  const stale = masks.filter((r) => r.stale).length;
  const column = (label: string, document: LagesbildDocument | undefined, showMasks: boolean) => (
    <Grid size={{ xs: 12, lg: 6 }}>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={label}>
        <Typography component="h2" variant="overline">
          {label}
        </Typography>
        {document ? (
          document.sections.map((section) => (
            <SectionView
              key={section.id}
              section={section}
              selectable={false}
              redactions={showMasks ? masks : []}
            />
          ))
        ) : (
          <Typography color="text.secondary">
            {translate('laget.lagesbild.monday.open_after_compile')}
          </Typography>
        )}
      </Paper>
    </Grid>
  );

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <WeekHeading title={title} status={doc.status}>
        <Button component={RouterLink} to={`/lagesbilder/${encodeURIComponent(id)}/show`} size="small">
          {translate('laget.lagesbild.monday.open_workspace')}
        </Button>
      </WeekHeading>
      <Grid container spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Grid size={{ xs: 12, md: 7, lg: 8 }} sx={{ order: { xs: 2, md: 1 } }}>
          <Grid container spacing={2}>
            {column(
              translate(compiled ? 'laget.lagesbild.view_internal' : 'laget.lagesbild.view_draft'),
              doc,
              true,
            )}
            {column(translate('laget.lagesbild.view_open'), compiled ? open : undefined, false)}
          </Grid>
        </Grid>
        <Grid
          size={{ xs: 12, md: 5, lg: 4 }}
          sx={{
            order: { xs: 1, md: 2 },
            // The steps follow the scroll beside a long lägesbild, scrolling on their own when taller than the screen.
            position: { md: 'sticky' },
            top: { md: 72 },
            maxHeight: { md: 'calc(100vh - 88px)' },
            overflowY: { md: 'auto' },
          }}
          component="aside"
          aria-label={translate('laget.lagesbild.monday.steps')}
          tabIndex={0}
        >
          <Stack spacing={2}>
            <Step number={1} title={translate('laget.periods.compliance')}>
              <ComplianceStep period={id} />
            </Step>
            <Step number={2} title={translate('laget.lagesbild.compile')}>
              {compiled ? (
                <Typography>
                  {translate('laget.lagesbild.monday.compiled', { revision: doc.revision })}
                </Typography>
              ) : mayCompile ? (
                <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Typography variant="body2">{translate('laget.lagesbild.not_compiled')}</Typography>
                  <CompileButton
                    period={id}
                    variant="contained"
                    color="primary"
                    onCompiled={workspace.compiledNow}
                  />
                </Stack>
              ) : (
                <Typography>{translate('laget.lagesbild.not_compiled')}</Typography>
              )}
            </Step>
            {compiled && mayRedact && (
              <Step number={3} title={`${translate('laget.lagesbild.suggestions')} (${suggestions.length})`}>
                {doc.status === 'compiled' ? (
                  <BulkSuggestions doc={doc} suggestions={suggestions} grounds={grounds} onRun={runBulk} />
                ) : (
                  <Typography color="text.secondary">
                    {translate('laget.lagesbild.monday.suggestions_done')}
                  </Typography>
                )}
              </Step>
            )}
            {compiled && (
              <Step number={4} title={translate('laget.lagesbild.publish_heading')}>
                <ApprovePublishStep
                  doc={doc}
                  staleCount={stale}
                  publication={workspace.publication}
                  change={workspace.change}
                  onPublished={workspace.afterPublication}
                />
              </Step>
            )}
          </Stack>
        </Grid>
      </Grid>
    </Box>
  );
}
