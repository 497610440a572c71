import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { proposedSpan, spanOf } from './document-fields.js';
import type { RedactionOverview } from '@laget/contracts';
import { selectionWithin } from './selection.js';
import { segments } from './text-segments.js';

/**
 * Re-confirms a stale mask on the text as it reads now. The old offsets are only a first guess
 * (the text moved under them), so the coordinator sees the whole new text with the guess marked
 * and either selects what to hide or types it; nothing is sent until they confirm.
 */
export function ReconfirmDialog({
  redaction,
  text,
  place,
  error,
  onClose,
  onConfirm,
}: {
  redaction: RedactionOverview | undefined;
  /** The field's current text; undefined when the text is gone (then only lifting helps). */
  text: string | undefined;
  place: string;
  error?: string;
  onClose: () => void;
  onConfirm: (span: { start: number; end: number }) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const field = useRef<HTMLElement>(null);
  const [span, setSpan] = useState<{ start: number; end: number } | undefined>();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!redaction || text === undefined) return;
    const guess = proposedSpan(text, redaction);
    setSpan(guess.end > guess.start ? guess : undefined);
    setTyped(text.slice(guess.start, guess.end));
  }, [redaction, text]);

  const fromSelection = () => {
    if (!field.current || text === undefined) return;
    const chosen = selectionWithin(field.current, window.getSelection());
    if (!chosen) return;
    setSpan(chosen);
    setTyped(text.slice(chosen.start, chosen.end));
  };

  const fromTyping = (value: string) => {
    setTyped(value);
    setSpan(text === undefined ? undefined : spanOf(text, value, redaction?.start ?? 0));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!span) return;
    setBusy(true);
    try {
      if (await onConfirm(span)) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={Boolean(redaction)}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="reconfirm-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reconfirm-title">{translate('laget.lagesbild.reconfirm_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Typography>{translate('laget.lagesbild.reconfirm_help', { place })}</Typography>
            {redaction && (
              <Typography variant="body2" color="text.secondary">
                {redaction.legalGround} – {redaction.reason}
              </Typography>
            )}
            {text === undefined ? (
              <Alert severity="warning">{translate('laget.lagesbild.reconfirm_gone')}</Alert>
            ) : (
              <>
                <Box
                  ref={field}
                  component="blockquote"
                  aria-label={translate('laget.lagesbild.reconfirm_text_now')}
                  onMouseUp={fromSelection}
                  onKeyUp={fromSelection}
                  data-reconfirm-text=""
                  sx={{
                    m: 0,
                    p: 1.5,
                    border: 1,
                    borderColor: 'divider',
                    borderRadius: 1,
                    whiteSpace: 'pre-wrap',
                  }}
                >
                  {segments(text, span ? [span] : []).map((segment, index) =>
                    segment.marked ? (
                      <Box
                        component="mark"
                        key={index}
                        sx={{ bgcolor: '#ffe08a', color: 'inherit', textDecoration: 'line-through' }}
                      >
                        {segment.text}
                      </Box>
                    ) : (
                      <span key={index}>{segment.text}</span>
                    ),
                  )}
                </Box>
                <TextField
                  id="reconfirm-typed"
                  label={translate('laget.lagesbild.reconfirm_typed')}
                  value={typed}
                  onChange={(e) => fromTyping(e.target.value)}
                  error={Boolean(typed) && !span}
                  helperText={
                    typed && !span
                      ? translate('laget.lagesbild.reconfirm_not_found')
                      : translate('laget.lagesbild.reconfirm_typed_help')
                  }
                />
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !span}>
            {translate('laget.lagesbild.reconfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
