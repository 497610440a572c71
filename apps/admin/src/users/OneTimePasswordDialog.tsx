import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Shows a one-time password exactly once. It is held only in this component's props: closing
 * the dialog forgets it, and it is never written to any store or URL.
 */
export function OneTimePasswordDialog({
  password,
  name,
  onClose,
}: {
  password: string | undefined;
  name: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={Boolean(password)} aria-labelledby="otp-title">
      <DialogTitle id="otp-title">{translate('laget.users.one_time_title')}</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>{translate('laget.users.one_time_text', { name })}</Typography>
        <Box
          component="output"
          data-testid="one-time-password"
          sx={{
            display: 'block',
            fontFamily: 'monospace',
            fontSize: '1.4rem',
            p: 2,
            bgcolor: 'grey.100',
            borderRadius: 1,
            wordBreak: 'break-all',
          }}
        >
          {password}
        </Box>
        {copied && (
          <Alert severity="success" sx={{ mt: 1 }}>
            {translate('laget.users.copied')}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          onClick={async () => {
            if (password) await navigator.clipboard?.writeText(password);
            setCopied(true);
          }}
        >
          {translate('laget.users.copy')}
        </Button>
        <Button variant="contained" onClick={() => (setCopied(false), onClose())}>
          {translate('laget.users.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
