import { useEffect, useState } from 'react';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { JobView } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { explainedFailure } from '../shared/job-failure.js';
import { TechnicalError } from '../shared/TechnicalError.js';
import { lagesbildApi } from './lagesbild-api.js';
import { publicationProgress } from './publication-progress.js';

const pollMs = 1000;

/** Follows a publication job until it has finished one way or the other. */
export function useJob(jobId: string | undefined): JobView | undefined {
  const [job, setJob] = useState<JobView | undefined>();
  useEffect(() => {
    setJob(undefined);
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

export const jobRunning = (jobId: string | undefined, job: JobView | undefined) =>
  Boolean(jobId) && (!job || job.state === 'queued' || job.state === 'running');

/**
 * Where a publication stands, in one sentence per state: waiting in the queue, being made (with
 * the attempt when it is retried), published, or failed with its cause. One sentence each, so
 * the panel never reads "Publicerar … Klar" while the job is still waiting or already done.
 */
export function PublicationProgress({ job }: { job: JobView | undefined }) {
  const translate = useTranslate();
  const { key, attempt, running } = publicationProgress(job);
  return (
    <Box role="status" aria-live="polite">
      {job?.state !== 'failed' && (
        <Typography variant="body2">{translate(key, { smart_count: attempt })}</Typography>
      )}
      {running && <LinearProgress aria-label={translate(key, { smart_count: 1 })} />}
      {job?.state === 'failed' && (
        <Alert severity="error">
          {translate('laget.lagesbild.publish_failed', {
            error:
              explainedFailure(job, translate) ?? translate('laget.dashboard.failed.cause.publish_unknown'),
          })}
          {job.error && <TechnicalError text={job.error} />}
        </Alert>
      )}
    </Box>
  );
}
