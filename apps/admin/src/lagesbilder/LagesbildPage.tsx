import { useState } from 'react';
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
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import FormatStrikethroughIcon from '@mui/icons-material/FormatStrikethrough';
import DownloadIcon from '@mui/icons-material/Download';
import HistoryIcon from '@mui/icons-material/History';
import InsightsIcon from '@mui/icons-material/Insights';
import type { Amendment, LagesbildDocument, OrganisationDto, RedactionOverview } from '@laget/contracts';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { periodLabel } from '../shared/week.js';
import { WeekHeading } from '../shared/WeekHeading.js';
import { AudiencesPanel } from './AudiencesPanel.js';
import { CompileButton } from './CompileButton.js';
import { fieldText } from './document-fields.js';
import type { LagesbildChange } from './lagesbild-data.js';
import { swedishError } from './lagesbild-errors.js';
import { allowedGroundsOf, defaultLegalGrounds } from './legal-grounds.js';
import { placeLabel } from './place-label.js';
import { PublishPanel } from './PublishPanel.js';
import { ReconfirmDialog } from './ReconfirmDialog.js';
import { RedactionDialog, type RedactionDraft } from './RedactionDialog.js';
import { RedactionsPanel } from './RedactionsPanel.js';
import { coordinatorKinds, SectionView } from './SectionView.js';
import { selectionInField, type FieldSelection } from './selection.js';
import { StaleRedactions } from './StaleRedactions.js';
import { draftFromSuggestion, redactionRequestOf } from './suggestion-actions.js';
import { SuggestionsPanel } from './SuggestionsPanel.js';
import { TextDialog } from './TextDialog.js';
import { useLagesbildWorkspace } from './useLagesbildWorkspace.js';

type Mode = 'internal' | 'open' | 'compare';

/**
 * The coordinator's lägesbild workspace for one week: compile, write the coordinator's
 * sections, mask by selecting text or accepting suggestions, re-confirm or lift masks whose text
 * changed, compare internal and open side by side, define target-group versions, approve,
 * publish, correct and retract; the history is one link away. Readers (EST group, reviewers)
 * see the same page without the tools.
 */
export function LagesbildPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [mode, setMode] = useState<Mode>('internal');
  const workspace = useLagesbildWorkspace(id, { showsOpen: mode !== 'internal' });
  const { document: doc, compiled, open, redactions, suggestions, amendments, audiences } = workspace;
  const { mayEdit, mayRedact, mayReadRedactions, mayApprove, mayCompile } = workspace.access;
  const [selection, setSelection] = useState<FieldSelection | undefined>();
  const [draft, setDraft] = useState<RedactionDraft | undefined>();
  const [editing, setEditing] = useState<{ sectionId: string; title: string; text: string } | undefined>();
  const [lifting, setLifting] = useState<RedactionOverview | undefined>();
  // Shown inside an open dialog too: a snackbar can hide behind the dialog's backdrop.
  const [failure, setFailure] = useState<string | undefined>();
  const [grounds, setGrounds] = useState<readonly string[]>(defaultLegalGrounds);
  const [takingIn, setTakingIn] = useState<Amendment | undefined>();
  const [reconfirming, setReconfirming] = useState<RedactionOverview | undefined>();
  const { data: organisations } = useGetList<OrganisationDto & { id: string }>('organisations', {
    pagination: { page: 1, perPage: 500 },
  });
  const organisationName = (organisationId: string) =>
    organisations?.find((o) => o.id === organisationId)?.name ?? organisationId;

  /** One change through the workspace, which refreshes only what it changed (409: everything). */
  const attempt = async (change: LagesbildChange, message?: string): Promise<boolean> => {
    setFailure(undefined);
    try {
      await workspace.change(change);
      if (message) notify(message, { type: 'success' });
      return true;
    } catch (caught) {
      const status = (caught as { status?: number }).status;
      setFailure(swedishError(caught));
      const allowed = allowedGroundsOf(caught);
      if (allowed) setGrounds(allowed);
      notify(swedishError(caught), { type: status === 409 ? 'warning' : 'error' });
      return false;
    }
  };

  const title = translate('laget.lagesbild.title', { week: periodLabel(id, locale === 'en' ? 'en' : 'sv') });
  if (workspace.error) return <Alert severity="error">{workspace.error.message}</Alert>;
  if (!doc) return <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />;

  const stale = (redactions ?? []).filter((r) => r.stale);
  const staleCount = stale.length;
  // Published weeks keep their tools: a correction starts with an edit or a mask (the API refuses
  // changes only while a publication job holds the approved revision).
  const tools = Boolean(compiled && mayRedact && mode === 'internal');

  const renderDoc = (document: LagesbildDocument, selectable: boolean, showMasks = selectable) => (
    <Box
      onMouseUp={selectable ? () => setSelection(selectionInField(window.getSelection())) : undefined}
      onKeyUp={selectable ? () => setSelection(selectionInField(window.getSelection())) : undefined}
    >
      {document.sections.map((section) => (
        <SectionView
          key={section.id}
          section={section}
          selectable={selectable}
          redactions={showMasks ? (redactions ?? []) : []}
          onEdit={
            selectable && mayEdit && coordinatorKinds.has(section.kind)
              ? () => setEditing({ sectionId: section.id, title: section.title, text: section.text ?? '' })
              : undefined
          }
          onExclude={
            selectable ? (path, label) => setDraft({ sectionId: section.id, path, text: label }) : undefined
          }
        />
      ))}
    </Box>
  );

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }}>
      <WeekHeading title={title} status={doc.status} gutter={1}>
        {compiled && (
          <Typography variant="body2" color="text.secondary">
            {translate('laget.lagesbild.revision', { revision: doc.revision })}
          </Typography>
        )}
        {mayCompile && (
          // The same week on the Monday screen: compile, suggestions in bulk, approve and publish.
          <Button component={RouterLink} to={`/mandag/${encodeURIComponent(id)}`} size="small">
            {translate('laget.lagesbild.monday.link')}
          </Button>
        )}
        {compiled && mayReadRedactions && (
          <Button
            component={RouterLink}
            to={`/lagesbilder/${encodeURIComponent(id)}/history`}
            startIcon={<HistoryIcon />}
            size="small"
          >
            {translate('laget.lagesbild.history.link')}
          </Button>
        )}
        {compiled && (
          // The version on screen as PDF (the open one from its tab, the internal one otherwise).
          <Button
            component="a"
            href={`/api/lagesbilder/${encodeURIComponent(id)}/pdf?view=${mode === 'open' ? 'open' : 'internal'}`}
            download
            startIcon={<DownloadIcon />}
            size="small"
          >
            {translate('laget.lagesbild.download_pdf')}
          </Button>
        )}
        {doc.monthAnalysis && (
          // The månadsmöte discusses the month gone: its analysis is one click away.
          <Button
            component={RouterLink}
            to={`/lagesbilder/${encodeURIComponent(doc.monthAnalysis)}/show`}
            startIcon={<InsightsIcon />}
            size="small"
          >
            {translate('laget.lagesbild.month_analysis', {
              month: periodLabel(doc.monthAnalysis, locale === 'en' ? 'en' : 'sv'),
            })}
          </Button>
        )}
      </WeekHeading>

      {compiled === false && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={mayCompile ? <CompileButton period={id} onCompiled={workspace.compiledNow} /> : undefined}
        >
          {translate('laget.lagesbild.not_compiled')}
        </Alert>
      )}

      {amendments.length > 0 && mayEdit && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          role="region"
          aria-label={translate('laget.lagesbild.amendments')}
        >
          <Typography component="h2" variant="subtitle1">
            {translate('laget.lagesbild.amendments')}
          </Typography>
          {amendments.map((amendment) => (
            <Stack key={amendment.reportId} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ flex: 1 }}>{organisationName(amendment.organisationId)}</Typography>
              <Button size="small" onClick={() => setTakingIn(amendment)}>
                {translate('laget.lagesbild.take_in')}
              </Button>
            </Stack>
          ))}
        </Alert>
      )}
      <StaleRedactions
        doc={doc}
        redactions={stale}
        mayChange={Boolean(mayRedact) && doc.status !== 'approved'}
        onReconfirm={setReconfirming}
        onLift={setLifting}
      />

      {compiled && (
        <Tabs
          value={mode}
          onChange={(_e, value: Mode) => setMode(value)}
          aria-label={translate('laget.lagesbild.view')}
          sx={{ mb: 2 }}
          variant="scrollable"
        >
          <Tab value="internal" label={translate('laget.lagesbild.view_internal')} />
          <Tab value="open" label={translate('laget.lagesbild.view_open')} />
          <Tab value="compare" label={translate('laget.lagesbild.preview')} />
        </Tabs>
      )}

      <Grid container spacing={2}>
        {/* Printed (before a meeting): the document across the paper, without the tools beside it. */}
        <Grid
          size={{ xs: 12, md: mode === 'compare' ? 12 : tools ? 8 : 12 }}
          sx={{
            '@media print': {
              width: '100% !important',
              maxWidth: '100% !important',
              flexBasis: '100% !important',
            },
          }}
        >
          {tools && (
            <Typography sx={{ mb: 1 }} color="text.secondary">
              {translate('laget.lagesbild.select_hint')}
            </Typography>
          )}
          {mode !== 'internal' && !open ? (
            // The open version is read when a tab first shows it, not with every screen load.
            <CircularProgress aria-label={translate('laget.common.loading')} sx={{ m: 4 }} />
          ) : mode === 'compare' && open ? (
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 6 }}>
                <Paper
                  variant="outlined"
                  sx={{ p: 2 }}
                  component="section"
                  aria-label={translate('laget.lagesbild.view_internal')}
                >
                  <Typography component="h2" variant="overline">
                    {translate('laget.lagesbild.view_internal')}
                  </Typography>
                  {renderDoc(doc, false, true)}
                </Paper>
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <Paper
                  variant="outlined"
                  sx={{ p: 2 }}
                  component="section"
                  aria-label={translate('laget.lagesbild.view_open')}
                >
                  <Typography component="h2" variant="overline">
                    {translate('laget.lagesbild.view_open')}
                  </Typography>
                  {renderDoc(open, false)}
                </Paper>
              </Grid>
            </Grid>
          ) : (
            <Paper variant="outlined" sx={{ p: 2 }}>
              {renderDoc(mode === 'open' && open ? open : doc, tools, mode !== 'open')}
            </Paper>
          )}
        </Grid>

        {compiled && (mayRedact || mayEdit || mayApprove) && mode !== 'compare' && (
          <Grid size={{ xs: 12, md: tools ? 4 : 12 }} className="no-print">
            <Stack spacing={2}>
              <Card variant="outlined">
                <CardContent>
                  <PublishPanel
                    doc={doc}
                    staleCount={staleCount}
                    publication={workspace.publication}
                    change={workspace.change}
                    onChanged={workspace.afterPublication}
                  />
                </CardContent>
              </Card>
              {mayEdit && (
                <Card variant="outlined">
                  <CardContent>
                    <AudiencesPanel
                      doc={doc}
                      audiences={audiences}
                      organisations={organisations ?? []}
                      failure={failure}
                      attempt={attempt}
                      clearFailure={() => setFailure(undefined)}
                    />
                  </CardContent>
                </Card>
              )}
              {tools && (
                <SuggestionsPanel
                  suggestions={suggestions}
                  onAccept={(suggestion) => setDraft(draftFromSuggestion(suggestion))}
                  onAcceptEverywhere={(suggestion) => setDraft(draftFromSuggestion(suggestion, true))}
                  onDismiss={(suggestion) =>
                    // Recorded: approval waits for every suggestion until it is masked or dismissed.
                    attempt({ kind: 'dismiss', suggestion }, 'laget.lagesbild.dismissed')
                  }
                />
              )}
              {tools && redactions && <RedactionsPanel redactions={redactions} onLift={setLifting} />}
            </Stack>
          </Grid>
        )}
      </Grid>

      {tools && selection && (
        <Paper
          elevation={6}
          sx={{
            position: 'sticky',
            bottom: 16,
            mt: 2,
            p: 1.5,
            display: 'flex',
            gap: 1,
            alignItems: 'center',
            flexWrap: 'wrap',
          }}
        >
          <Typography sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            ”{selection.text}”
          </Typography>
          <Button
            variant="contained"
            startIcon={<FormatStrikethroughIcon />}
            onClick={() =>
              setDraft({
                sectionId: selection.sectionId,
                path: selection.path,
                span: { start: selection.start, end: selection.end },
                text: selection.text,
              })
            }
          >
            {translate('laget.lagesbild.redact_selection')}
          </Button>
          <Button
            variant="outlined"
            onClick={() =>
              setDraft({
                sectionId: selection.sectionId,
                path: selection.path,
                span: { start: selection.start, end: selection.end },
                text: selection.text,
                everywhere: true,
              })
            }
          >
            {translate('laget.lagesbild.mask_everywhere')}
          </Button>
        </Paper>
      )}

      <RedactionDialog
        draft={draft}
        grounds={grounds}
        error={failure}
        onClose={() => {
          setDraft(undefined);
          setFailure(undefined);
        }}
        onSave={(d, legalGround, reason) =>
          attempt(
            { kind: 'redact', request: redactionRequestOf(d, legalGround, reason) },
            'laget.lagesbild.redacted',
          ).then((done) => {
            if (done) {
              setSelection(undefined);
              window.getSelection()?.removeAllRanges();
            }
            return done;
          })
        }
      />
      <TextDialog
        open={Boolean(editing)}
        title={editing?.title ?? ''}
        label={translate('laget.lagesbild.edit_section')}
        initial={editing?.text}
        onClose={() => setEditing(undefined)}
        onSave={(text) =>
          attempt(
            { kind: 'editSection', sectionId: editing?.sectionId ?? '', text },
            'laget.lagesbild.section_saved',
          )
        }
      />
      <TextDialog
        open={Boolean(takingIn)}
        title={`${translate('laget.lagesbild.take_in')}: ${organisationName(takingIn?.organisationId ?? '')}`}
        label={translate('laget.lagesbild.take_in_reason')}
        required
        rows={2}
        onClose={() => setTakingIn(undefined)}
        onSave={(reason) =>
          attempt({ kind: 'takeIn', reportId: takingIn?.reportId ?? '', reason }, 'laget.lagesbild.taken_in')
        }
      />
      <ReconfirmDialog
        redaction={reconfirming}
        text={reconfirming ? fieldText(doc, reconfirming.sectionId, reconfirming.path) : undefined}
        place={reconfirming ? placeLabel(translate, doc, reconfirming.sectionId, reconfirming.path) : ''}
        error={failure}
        onClose={() => {
          setReconfirming(undefined);
          setFailure(undefined);
        }}
        onConfirm={(span) =>
          attempt(
            { kind: 'reconfirm', redactionId: reconfirming?.id ?? '', span },
            'laget.lagesbild.reconfirmed',
          )
        }
      />
      <TextDialog
        open={Boolean(lifting)}
        title={translate('laget.lagesbild.lift')}
        label={translate('laget.lagesbild.lift_reason')}
        required
        rows={2}
        onClose={() => setLifting(undefined)}
        onSave={(reason) =>
          attempt({ kind: 'lift', redactionId: lifting?.id ?? '', reason }, 'laget.lagesbild.lifted')
        }
      />
    </Box>
  );
}
