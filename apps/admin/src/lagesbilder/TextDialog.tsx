import { useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useTranslate } from 'react-admin';

/** One text to write: a coordinator section, or the reason for lifting a redaction. */
export function TextDialog({
  open,
  title,
  label,
  initial = '',
  required = false,
  rows = 8,
  onClose,
  onSave,
}: {
  open: boolean;
  title: string;
  label: string;
  initial?: string;
  required?: boolean;
  rows?: number;
  onClose: () => void;
  onSave: (text: string) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setText(initial);
  }, [open, initial]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (required && !text.trim()) return;
    setBusy(true);
    try {
      if (await onSave(text)) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      fullScreen={phone}
      aria-labelledby="text-dialog-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="text-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <TextField
            id="text-dialog-text"
            label={label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required={required}
            multiline
            minRows={rows}
            fullWidth
            sx={{ mt: 1 }}
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || (required && !text.trim())}>
            {translate('ra.action.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
