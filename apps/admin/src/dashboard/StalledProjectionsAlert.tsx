import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { TechnicalError } from '../shared/TechnicalError.js';
import { projectionNameKey } from './stalled-projections.js';
import { useStalledProjections } from './useStalledProjections.js';

/**
 * Says loudly that a read model has stopped: which, at which event, why, and what to do. Lists,
 * the audit log and the lägesbild may show old data (or answer 503) until it is put right.
 */
export function StalledProjectionsAlert() {
  const translate = useTranslate();
  const stalls = useStalledProjections();
  if (stalls.length === 0) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} role="alert">
      <AlertTitle>{translate('laget.dashboard.stalled.heading')}</AlertTitle>
      {stalls.map((stall) => {
        const key = projectionNameKey(stall.projection);
        return (
          <Typography key={stall.projection} component="p" variant="body2" sx={{ mb: 1 }}>
            {translate('laget.dashboard.stalled.item', {
              name: key ? translate(key) : stall.projection,
              position: stall.position,
              type: stall.eventType,
            })}{' '}
            {translate('laget.dashboard.stalled.help', { projection: stall.projection })}{' '}
            <TechnicalError text={stall.reason} spaced={false} />
          </Typography>
        );
      })}
    </Alert>
  );
}
