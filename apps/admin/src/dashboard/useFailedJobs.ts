import { useEffect, useState } from 'react';
import { api } from '../http.js';
import { swedishError } from '../lagesbilder/lagesbild-errors.js';
import { type JobSummary, unresolvedFailures } from './failed-jobs.js';

export interface FailedJobsState {
  failures: JobSummary[];
  error?: string;
}

// Recent successes are enough to see which failures were put right since: the window is a month.
const failedPage = '/api/jobs?state=failed&page=1&perPage=50';
const completedPage = '/api/jobs?state=completed&page=1&perPage=100';

/** Failed background jobs that nothing has put right since (see `unresolvedFailures`). */
export function useFailedJobs(enabled: boolean): FailedJobsState {
  const [state, setState] = useState<FailedJobsState>({ failures: [] });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    Promise.all([api<JobSummary[]>(failedPage), api<JobSummary[]>(completedPage)]).then(
      ([failed, completed]) =>
        !cancelled &&
        setState({
          failures: unresolvedFailures(
            Array.isArray(failed.json) ? failed.json : [],
            Array.isArray(completed.json) ? completed.json : [],
            new Date(),
          ),
        }),
      (error: unknown) => !cancelled && setState({ failures: [], error: swedishError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return state;
}
