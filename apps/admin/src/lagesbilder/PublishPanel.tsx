import { useEffect, useState } from 'react';
import { Alert, Box, Button, Link, Stack, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import PublishIcon from '@mui/icons-material/Publish';
import UndoIcon from '@mui/icons-material/Undo';
import type { LagesbildDocument, UnhandledSuggestion } from '@laget/contracts';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { ConfirmDialog } from './ConfirmDialog.js';
import type { PublishAnswer } from '@laget/contracts';
import type { LagesbildChange } from './lagesbild-data.js';
import { swedishError } from './lagesbild-errors.js';
import { weekLabel } from '../shared/week.js';
import type { PublicationState } from './publication-state.js';
import { waitingSuggestionsOf } from './suggestion-actions.js';
import { WaitingSuggestions } from './WaitingSuggestions.js';
import { jobRunning, PublicationProgress, useJob } from './PublicationProgress.js';
import { OpenMapPreview } from './OpenMapPreview.js';
import { CorrectionFields, correctionMissing } from '../shared/CorrectionFields.js';

/** A refusal asking for the correction note: the API's 400 names the field. */
const wantsCorrection = (caught: unknown) =>
  (caught as { body?: { details?: { field?: unknown } } })?.body?.details?.field === 'correction';

/**
 * Approve the open version (four-eyes aware: the server says who may), publish it with visible
 * progress, publish a correction (a new revision with what was corrected and why), or retract
 * what the public sees. Every step waits for the server and asks first where the public is
 * affected; refusals are shown here in Swedish.
 */
export function PublishPanel({
  doc,
  staleCount,
  publication,
  change,
  onChanged,
}: {
  doc: LagesbildDocument;
  /** Masks on changed text: approval is refused until each is re-confirmed or lifted. */
  staleCount: number;
  publication: PublicationState;
  /** Sends one change through the workspace, which refreshes what it changed. */
  change: (change: LagesbildChange) => Promise<unknown>;
  /** The publication job ended: the status and whether the public has the week changed. */
  onChanged: () => Promise<void>;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'lagesbilder' });
  const { canAccess: mayPublish } = useCanAccess({ action: 'create', resource: 'publications' });
  const { canAccess: mayRetract } = useCanAccess({ action: 'delete', resource: 'publications' });
  const [jobId, setJobId] = useState<string | undefined>();
  const [correction, setCorrection] = useState({ what: '', why: '' });
  const [askedForCorrection, setAskedForCorrection] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The suggestions an approval was refused for (409), listed until the next attempt.
  const [waiting, setWaiting] = useState<UnhandledSuggestion[]>([]);
  const [dialog, setDialog] = useState<'publish' | 'retract' | undefined>();
  const [busy, setBusy] = useState(false);
  // The open map's hash as the preview showed it: the approval names it (ADR 0030).
  const [seenMap, setSeenMap] = useState<string | null | undefined>();
  const job = useJob(jobId);
  const isCorrection = publication.publishedBefore || askedForCorrection;
  // Until the refreshed document says "published", a finished job still counts as publishing:
  // the publish button must not flash back in between.
  const publishing = jobRunning(jobId, job) || (job?.state === 'completed' && doc.status === 'approved');

  useEffect(() => {
    if (job?.state === 'completed' || job?.state === 'failed') void onChanged();
  }, [job?.state, onChanged]);

  // A new round (an edit after publishing, a retraction) starts without the last job's outcome.
  useEffect(() => {
    if (doc.status === 'compiled' || doc.status === 'retracted') setJobId(undefined);
  }, [doc.status]);

  const run = async (action: () => Promise<unknown>, success?: string): Promise<boolean> => {
    setError(undefined);
    setWaiting([]);
    setBusy(true);
    try {
      await action();
      if (success) notify(success, { type: 'success' });
      return true;
    } catch (caught) {
      if (wantsCorrection(caught)) setAskedForCorrection(true);
      setError(swedishError(caught));
      setWaiting(waitingSuggestionsOf(caught) ?? []);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const missing = isCorrection && correctionMissing(correction);
  const publicLink = (
    <Link href={`/public/lagesbilder/${encodeURIComponent(doc.period)}`} target="_blank" rel="noopener">
      {translate('laget.lagesbild.public_link')}
    </Link>
  );

  return (
    <Box component="section" aria-labelledby="publish-heading">
      <Typography id="publish-heading" component="h2" variant="h6" gutterBottom>
        {translate('laget.lagesbild.publish_heading')}
      </Typography>
      <Stack spacing={1}>
        {error && !dialog && (
          <Alert severity="error" role="alert" onClose={() => setError(undefined)}>
            {error}
          </Alert>
        )}
        {mayApprove && doc.status === 'compiled' && (
          <>
            {staleCount > 0 && (
              <Typography variant="body2" id="approve-blocked">
                {translate('laget.lagesbild.approve_blocked', { smart_count: staleCount })}
              </Typography>
            )}
            <Button
              variant="outlined"
              startIcon={<CheckIcon />}
              disabled={busy || staleCount > 0}
              aria-describedby={staleCount > 0 ? 'approve-blocked' : undefined}
              onClick={async () => {
                await run(
                  () => change({ kind: 'approve', openMapHash: seenMap }),
                  'laget.lagesbild.approved',
                );
              }}
            >
              {translate('laget.lagesbild.approve')}
            </Button>
            <WaitingSuggestions doc={doc} waiting={waiting} />
            <Typography variant="body2" color="text.secondary">
              {translate('laget.lagesbild.approve_four_eyes')}
            </Typography>
            <OpenMapPreview period={doc.period} version={doc.version} onSeen={setSeenMap} />
          </>
        )}
        {mayPublish && doc.status === 'approved' && !publishing && (
          <>
            {isCorrection && (
              <CorrectionFields
                idPrefix="correction"
                help="laget.lagesbild.correction_help"
                value={correction}
                onChange={setCorrection}
              />
            )}
            <Button
              variant="contained"
              startIcon={<PublishIcon />}
              disabled={busy || missing}
              onClick={() => {
                setError(undefined);
                setDialog('publish');
              }}
            >
              {translate(isCorrection ? 'laget.lagesbild.publish_correction' : 'laget.lagesbild.publish')}
            </Button>
          </>
        )}
        {jobId && (job?.state !== 'completed' || publishing) && <PublicationProgress job={job} />}
        {publication.live !== null && !publishing && (
          <Alert severity="success">
            {translate('laget.lagesbild.published_number', { number: publication.live })}: {publicLink}
          </Alert>
        )}
        {publication.live === null && doc.status === 'published' && job?.state === 'completed' && (
          <Alert severity="success">
            {translate('laget.lagesbild.published')}: {publicLink}
          </Alert>
        )}
        {publication.publishedBefore && publication.live === null && doc.status === 'retracted' && (
          <Alert severity="warning">{translate('laget.lagesbild.retracted_notice')}</Alert>
        )}
        {(doc.status === 'published' || doc.status === 'retracted') && mayPublish && (
          <Typography variant="body2" color="text.secondary">
            {translate('laget.lagesbild.correction_how')}
          </Typography>
        )}
        {mayRetract && publication.live !== null && !publishing && (
          <Button
            variant="outlined"
            color="error"
            startIcon={<UndoIcon />}
            disabled={busy}
            onClick={() => {
              setError(undefined);
              setDialog('retract');
            }}
          >
            {translate('laget.lagesbild.retract')}
          </Button>
        )}
      </Stack>

      <ConfirmDialog
        open={dialog === 'publish'}
        title={translate(isCorrection ? 'laget.lagesbild.publish_correction' : 'laget.lagesbild.publish')}
        confirmLabel={translate(
          isCorrection ? 'laget.lagesbild.publish_correction' : 'laget.lagesbild.publish',
        )}
        error={error}
        onClose={() => setDialog(undefined)}
        onConfirm={() =>
          run(async () => {
            const { jobId: id } = (await change({
              kind: 'publish',
              ...(isCorrection
                ? { correction: { what: correction.what.trim(), why: correction.why.trim() } }
                : {}),
            })) as PublishAnswer;
            setJobId(id);
          })
        }
      >
        {translate(
          isCorrection ? 'laget.lagesbild.publish_correction_confirm' : 'laget.lagesbild.publish_confirm',
          {
            week: weekLabel(doc.period),
          },
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'retract'}
        title={translate('laget.lagesbild.retract')}
        confirmLabel={translate('laget.lagesbild.retract')}
        reasonLabel={translate('laget.lagesbild.retract_reason')}
        destructive
        error={error}
        onClose={() => setDialog(undefined)}
        onConfirm={async (reason) => {
          return run(() => change({ kind: 'retract', reason }), 'laget.lagesbild.retracted');
        }}
      >
        {translate('laget.lagesbild.retract_confirm')}
      </ConfirmDialog>
    </Box>
  );
}
