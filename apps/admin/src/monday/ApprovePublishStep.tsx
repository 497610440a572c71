import { useEffect, useState } from 'react';
import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import PublishIcon from '@mui/icons-material/Publish';
import type { LagesbildDocument, PublishAnswer, UnhandledSuggestion } from '@laget/contracts';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { ConfirmDialog } from '../lagesbilder/ConfirmDialog.js';
import type { LagesbildChange } from '../lagesbilder/lagesbild-data.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { jobRunning, PublicationProgress, useJob } from '../lagesbilder/PublicationProgress.js';
import type { PublicationState } from '../lagesbilder/publication-state.js';
import { isFourEyesRefusal } from '../lagesbilder/publication-progress.js';
import { waitingSuggestionsOf } from '../lagesbilder/suggestion-actions.js';
import { WaitingSuggestions } from '../lagesbilder/WaitingSuggestions.js';
import { OpenMapPreview } from '../lagesbilder/OpenMapPreview.js';
import { weekLabel } from '../shared/week.js';

/**
 * Approve and publish after one confirmation: two requests (two events), the second only once
 * the first was taken. Where four-eyes refuses the coordinator's approval, it says so and who
 * should approve; an approved week is published from here. The job's real state is shown, then
 * the link to the public page.
 */
export function ApprovePublishStep({
  doc,
  staleCount,
  publication,
  change,
  onPublished,
}: {
  doc: LagesbildDocument;
  staleCount: number;
  publication: PublicationState;
  change: (change: LagesbildChange) => Promise<unknown>;
  onPublished: () => Promise<void>;
}) {
  const translate = useTranslate();
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'lagesbilder' });
  const { canAccess: mayPublish } = useCanAccess({ action: 'create', resource: 'publications' });
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fourEyes, setFourEyes] = useState(false);
  const [waiting, setWaiting] = useState<UnhandledSuggestion[]>([]);
  // The open map's hash as the preview showed it: the approval names it (ADR 0030).
  const [seenMap, setSeenMap] = useState<string | null | undefined>();
  const [jobId, setJobId] = useState<string | undefined>();
  const job = useJob(jobId);
  const publishing = jobRunning(jobId, job) || (job?.state === 'completed' && doc.status === 'approved');

  useEffect(() => {
    if (job?.state === 'completed' || job?.state === 'failed') void onPublished();
  }, [job?.state, onPublished]);

  const publicLink = (
    <Link href={`/public/lagesbilder/${encodeURIComponent(doc.period)}`} target="_blank" rel="noopener">
      {translate('laget.lagesbild.public_link')}
    </Link>
  );
  const workspaceLink = (
    <Link component={RouterLink} to={`/lagesbilder/${encodeURIComponent(doc.period)}/show`}>
      {translate('laget.lagesbild.monday.open_workspace')}
    </Link>
  );

  async function approveAndPublish(): Promise<boolean> {
    setError(undefined);
    setFourEyes(false);
    setWaiting([]);
    try {
      if (doc.status === 'compiled') await change({ kind: 'approve', openMapHash: seenMap });
    } catch (caught) {
      setFourEyes(isFourEyesRefusal(caught));
      setWaiting(waitingSuggestionsOf(caught) ?? []);
      setError(swedishError(caught));
      return true; // The refusal is shown beside the button, where the next step is.
    }
    try {
      const { jobId: started } = (await change({ kind: 'publish' })) as PublishAnswer;
      setJobId(started);
    } catch (caught) {
      setError(translate('laget.lagesbild.monday.approved_not_published', { error: swedishError(caught) }));
    }
    return true;
  }

  // A week published before needs a correction note: that is the workspace's form.
  const correction = publication.publishedBefore && doc.status !== 'published';
  const ready = (doc.status === 'compiled' && mayApprove) || doc.status === 'approved';
  return (
    <Stack spacing={1}>
      {error && (
        <Alert severity={fourEyes ? 'warning' : 'error'} role="alert">
          {error}
          {fourEyes && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {translate('laget.lagesbild.monday.four_eyes')}
            </Typography>
          )}
        </Alert>
      )}
      <WaitingSuggestions doc={doc} waiting={waiting} />
      {doc.status === 'compiled' && mayApprove && (
        <OpenMapPreview period={doc.period} version={doc.version} onSeen={setSeenMap} />
      )}
      {staleCount > 0 && doc.status === 'compiled' && (
        <Typography variant="body2">
          {translate('laget.lagesbild.approve_blocked', { smart_count: staleCount })} {workspaceLink}
        </Typography>
      )}
      {correction && !publishing && (
        <Typography variant="body2">
          {translate('laget.lagesbild.monday.correction')} {workspaceLink}
        </Typography>
      )}
      {ready && mayPublish && !correction && !publishing && (
        <Button
          variant="contained"
          startIcon={<PublishIcon />}
          disabled={staleCount > 0 && doc.status === 'compiled'}
          onClick={() => setAsking(true)}
        >
          {translate(
            doc.status === 'compiled' ? 'laget.lagesbild.monday.approve_publish' : 'laget.lagesbild.publish',
          )}
        </Button>
      )}
      {jobId && (job?.state !== 'completed' || publishing) && <PublicationProgress job={job} />}
      {publication.live !== null && !publishing && (
        <Alert severity="success">
          {translate('laget.lagesbild.published_number', { number: publication.live })}: {publicLink}
        </Alert>
      )}
      {publication.live === null && doc.status === 'published' && !publishing && (
        <Alert severity="success">
          {translate('laget.lagesbild.published')}: {publicLink}
        </Alert>
      )}
      <ConfirmDialog
        open={asking}
        title={translate(
          doc.status === 'compiled' ? 'laget.lagesbild.monday.approve_publish' : 'laget.lagesbild.publish',
        )}
        confirmLabel={translate(
          doc.status === 'compiled' ? 'laget.lagesbild.monday.approve_publish' : 'laget.lagesbild.publish',
        )}
        onClose={() => setAsking(false)}
        onConfirm={approveAndPublish}
      >
        {translate(
          doc.status === 'compiled'
            ? 'laget.lagesbild.monday.approve_publish_confirm'
            : 'laget.lagesbild.publish_confirm',
          { week: weekLabel(doc.period) },
        )}
      </ConfirmDialog>
    </Stack>
  );
}
