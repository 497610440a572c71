import { useEffect, useRef } from 'react';
import { Box, Button, Paper, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useTranslate } from 'react-admin';
import { saveStatusText, type SaveStatus } from './save-status.js';
import { touchTarget } from './touch.js';

/**
 * The report's foot, kept in view at the bottom of the screen where a thumb reaches it: what
 * happened to the last save, and "Skicka in rapporten". The save state is a line of text beside
 * the button, not a toast: a toast at the bottom of a phone lay over this very button for
 * seconds after every save (and on a desktop for as long as the pointer rested on it).
 */
export function ReportActionBar({
  status,
  submitLabel,
  canSubmit,
  busy,
  onSubmit,
}: {
  status: SaveStatus;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  onSubmit: () => void;
}) {
  const translate = useTranslate();
  const said = useRef<HTMLParagraphElement>(null);
  // The button goes away once the report is in: focus moves to what happened instead of the page top.
  useEffect(() => {
    if (status.kind === 'submitted') said.current?.focus();
  }, [status.kind]);
  const error = status.kind === 'error';
  return (
    <Paper
      elevation={6}
      square
      sx={{
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        mx: { xs: -1, sm: 0 },
        px: 2,
        py: 1,
        display: 'flex',
        flexWrap: 'wrap',
        gap: 1,
        alignItems: 'center',
      }}
    >
      <Box sx={{ flex: '1 1 8rem', minWidth: 0 }}>
        <Typography
          ref={said}
          tabIndex={-1}
          variant="body2"
          role={error ? 'alert' : 'status'}
          aria-live={error ? 'assertive' : 'polite'}
          color={error ? 'error' : status.kind === 'submitted' ? 'success.main' : 'text.secondary'}
          sx={{ overflowWrap: 'anywhere', fontWeight: status.kind === 'submitted' ? 600 : undefined }}
        >
          {saveStatusText(status, translate)}
        </Typography>
      </Box>
      {canSubmit && (
        <Button
          variant="contained"
          size="large"
          startIcon={<SendIcon />}
          disabled={busy}
          onClick={onSubmit}
          sx={{ ...touchTarget, flex: '0 0 auto' }}
        >
          {submitLabel}
        </Button>
      )}
    </Paper>
  );
}
