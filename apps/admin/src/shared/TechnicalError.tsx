import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The server's own error text, small, under the Swedish explanation, for whoever fixes it. The
 * text is English: screen readers should read it as such. Used by the publication progress, the
 * failed jobs and the stalled read models.
 */
export function TechnicalError({ text, spaced = true }: { text: string; spaced?: boolean }) {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="caption" sx={{ display: 'block', mt: spaced ? 0.5 : 0 }}>
      {translate('laget.dashboard.failed.technical')} <span lang="en">{text}</span>
    </Typography>
  );
}
