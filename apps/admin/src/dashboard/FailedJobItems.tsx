import { ListItem, ListItemButton, ListItemText } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { swedishDateTime, weekLabel } from '../shared/week.js';
import { explainFailure } from '../shared/job-failure.js';
import { TechnicalError } from '../shared/TechnicalError.js';
import { adviceFor, type JobSummary } from './failed-jobs.js';

/**
 * Each failed job in words: what did not happen, why (in Swedish where Läget knows the job), what
 * the coordinator can do, and the server's own error text, small, for whoever fixes it.
 */
export function FailedJobItems({ failures }: { failures: JobSummary[] }) {
  const translate = useTranslate();
  return (
    <>
      {failures.map((job) => {
        const { advice, period, to } = adviceFor(job);
        const explained = explainFailure(job);
        const text = (
          <ListItemText
            primary={translate(`laget.dashboard.failed.${advice}`, {
              week: period ? weekLabel(period) : '',
              kind: job.kind,
            })}
            secondary={
              <>
                {explained && (
                  <span style={{ display: 'block' }}>
                    {translate(`laget.dashboard.failed.cause.${explained.cause}`, {
                      status: explained.status ?? '',
                      where: explained.where ?? '',
                    })}
                  </span>
                )}
                <span style={{ display: 'block' }}>
                  {translate(`laget.dashboard.failed.${advice}_help`, { id: job.id })}{' '}
                  {translate('laget.dashboard.failed.when', { date: swedishDateTime(job.updatedAt) })}
                </span>
                {job.error && <TechnicalError text={job.error} />}
              </>
            }
          />
        );
        return (
          <ListItem key={job.id} disablePadding={Boolean(to)}>
            {to ? (
              <ListItemButton component={Link} to={to}>
                {text}
              </ListItemButton>
            ) : (
              text
            )}
          </ListItem>
        );
      })}
    </>
  );
}
