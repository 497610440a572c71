import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Asks before an audited step that cannot be taken back quietly (publish, retract, delete a
 * target group), optionally with a reason that goes into the log. The request leaves when the
 * person confirms and the dialog stays open, showing the refusal, until the server has answered.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  reasonLabel,
  destructive = false,
  error,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** When given, a reason is required and passed to onConfirm. */
  reasonLabel?: string;
  destructive?: boolean;
  error?: string;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);

  const missing = Boolean(reasonLabel) && !reason.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    setBusy(true);
    try {
      if (await onConfirm(reason.trim())) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <DialogContentText component="div">{children}</DialogContentText>
            {reasonLabel && (
              <TextField
                id={`${titleId}-reason`}
                label={reasonLabel}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                multiline
                minRows={2}
                error={touched && missing}
                helperText={touched && missing ? translate('laget.common.required') : undefined}
                autoFocus
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
