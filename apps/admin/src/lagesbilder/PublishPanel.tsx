import { useEffect, useState } from 'react';
import { Alert, Box, Button, LinearProgress, Link, Stack, TextField, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import PublishIcon from '@mui/icons-material/Publish';
import type { LagesbildDocument } from '@laget/contracts';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { lagesbildApi, type JobView } from './lagesbild-api.js';

const pollMs = 1000;

/** Follows a publication job until it has finished one way or the other. */
function useJob(jobId: string | undefined): JobView | undefined {
  const [job, setJob] = useState<JobView | undefined>();
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await lagesbildApi.job(jobId);
        if (stopped) return;
        setJob(next);
        if (next.state === 'completed' || next.state === 'failed') return;
      } catch {
        // A job not yet visible to the reader is polled again.
      }
      if (!stopped) timer = setTimeout(poll, pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return job;
}

/** Approve the open version (four-eyes aware: the server says who may) and publish it with visible progress. */
export function PublishPanel({ doc, onChanged }: { doc: LagesbildDocument; onChanged: () => Promise<void> }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: mayApprove } = useCanAccess({ action: 'approve', resource: 'lagesbilder' });
  const { canAccess: mayPublish } = useCanAccess({ action: 'create', resource: 'publications' });
  const [jobId, setJobId] = useState<string | undefined>();
  const [correction, setCorrection] = useState({ what: '', why: '' });
  const job = useJob(jobId);
  // A week published before needs a correction note; the server says so with 422 on the first try.
  const [republish, setRepublish] = useState(doc.status === 'published' || doc.status === 'retracted');

  useEffect(() => {
    if (job?.state === 'completed') void onChanged();
  }, [job?.state, onChanged]);

  const fail = (caught: unknown) => notify((caught as Error).message, { type: 'error' });

  return (
    <Box component="section" aria-labelledby="publish-heading">
      <Typography id="publish-heading" component="h2" variant="h6" gutterBottom>
        {translate('laget.lagesbild.publish_heading')}
      </Typography>
      <Stack spacing={1}>
        {mayApprove && doc.status === 'compiled' && (
          <Button
            variant="outlined"
            startIcon={<CheckIcon />}
            onClick={async () => {
              try {
                await lagesbildApi.approve(doc.id, doc.version);
                notify('laget.lagesbild.approved', { type: 'success' });
                await onChanged();
              } catch (caught) {
                fail(caught);
              }
            }}
          >
            {translate('laget.lagesbild.approve')}
          </Button>
        )}
        {mayPublish && doc.status === 'approved' && !jobId && (
          <>
            {republish && (
              <>
                <TextField
                  id="correction-what"
                  label={translate('laget.lagesbild.correction_what')}
                  value={correction.what}
                  onChange={(e) => setCorrection({ ...correction, what: e.target.value })}
                  multiline
                />
                <TextField
                  id="correction-why"
                  label={translate('laget.lagesbild.correction_why')}
                  value={correction.why}
                  onChange={(e) => setCorrection({ ...correction, why: e.target.value })}
                  multiline
                />
              </>
            )}
            <Button
              variant="contained"
              startIcon={<PublishIcon />}
              disabled={republish && (!correction.what.trim() || !correction.why.trim())}
              onClick={async () => {
                try {
                  const { jobId: id } = await lagesbildApi.publish(
                    doc.id,
                    doc.version,
                    republish ? correction : undefined,
                  );
                  setJobId(id);
                } catch (caught) {
                  if ((caught as { status?: number }).status === 422 && !republish) setRepublish(true);
                  fail(caught);
                }
              }}
            >
              {translate('laget.lagesbild.publish')}
            </Button>
          </>
        )}
        {jobId && (
          <Box role="status" aria-live="polite">
            <Typography variant="body2">
              {translate('laget.lagesbild.publishing')}{' '}
              {job ? translate(`laget.lagesbild.job_state_${job.state}`) : ''}
            </Typography>
            {(!job || job.state === 'queued' || job.state === 'running') && (
              <LinearProgress aria-label={translate('laget.lagesbild.publishing')} />
            )}
            {job?.state === 'failed' && (
              <Alert severity="error">
                {translate('laget.lagesbild.publish_failed', { error: job.error ?? '' })}
              </Alert>
            )}
          </Box>
        )}
        {(doc.status === 'published' || job?.state === 'completed') && (
          <Alert severity="success">
            {translate('laget.lagesbild.published')}:{' '}
            <Link
              href={`/public/lagesbilder/${encodeURIComponent(doc.period)}`}
              target="_blank"
              rel="noopener"
            >
              {translate('laget.lagesbild.public_link')}
            </Link>
          </Alert>
        )}
      </Stack>
    </Box>
  );
}
