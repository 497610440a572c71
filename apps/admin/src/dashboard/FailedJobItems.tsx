import { ListItem, ListItemButton, ListItemText } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { swedishDateTime, weekLabel } from '../shared/week.js';
import { adviceFor, type JobSummary } from './failed-jobs.js';

/** Each failed job in words: what did not happen, what the coordinator can do, and the error itself. */
export function FailedJobItems({ failures }: { failures: JobSummary[] }) {
  const translate = useTranslate();
  return (
    <>
      {failures.map((job) => {
        const { advice, period, to } = adviceFor(job);
        const text = (
          <ListItemText
            primary={translate(`laget.dashboard.failed.${advice}`, {
              week: period ? weekLabel(period) : '',
              kind: job.kind,
            })}
            secondary={[
              translate(`laget.dashboard.failed.${advice}_help`, { id: job.id }),
              translate('laget.dashboard.failed.when', { date: swedishDateTime(job.updatedAt) }),
              job.error ? translate('laget.dashboard.failed.error', { error: job.error }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
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
