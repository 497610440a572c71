import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { suggestedReason } from './legal-grounds.js';
import { LegalGroundField, ReasonField } from './RedactionFields.js';
import type { RedactionDraft } from './suggestion-actions.js';

export type { RedactionDraft } from './suggestion-actions.js';

/** Legal ground and reason for one redaction: both are required and both are kept in the log. */
export function RedactionDialog({
  draft,
  grounds,
  error,
  onClose,
  onSave,
}: {
  draft: RedactionDraft | undefined;
  /** The grounds the API accepts. */
  grounds: readonly string[];
  error?: string;
  onClose: () => void;
  onSave: (draft: RedactionDraft, legalGround: string, reason: string) => Promise<boolean>;
}) {
  const translate = useTranslate();
  const [legalGround, setLegalGround] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draft) return;
    // The coordinator chooses the legal ground every time; only the reason gets a first wording.
    setLegalGround('');
    setReason(suggestedReason(draft.suggestionKind));
    setTouched(false);
  }, [draft]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!draft || !legalGround.trim() || !reason.trim()) return;
    setBusy(true);
    try {
      if (await onSave(draft, legalGround.trim(), reason.trim())) onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={Boolean(draft)} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="redaction-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="redaction-title">
          {translate(
            draft?.everywhere
              ? 'laget.lagesbild.mask_everywhere'
              : draft?.span
                ? 'laget.lagesbild.redaction_title'
                : 'laget.lagesbild.exclude_item',
          )}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Typography>{translate('laget.lagesbild.masked_text', { text: draft?.text ?? '' })}</Typography>
            {draft?.everywhere && (
              <Typography variant="body2" color="text.secondary">
                {translate('laget.lagesbild.mask_everywhere_help')}
              </Typography>
            )}
            <LegalGroundField
              id="redaction-legal-ground"
              grounds={grounds}
              value={legalGround}
              onChange={setLegalGround}
              showMissing={touched && !legalGround.trim()}
            />
            <ReasonField id="redaction-reason" value={reason} onChange={setReason} touched={touched} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate(
              draft?.everywhere
                ? 'laget.lagesbild.mask_everywhere'
                : draft?.span
                  ? 'laget.lagesbild.accept'
                  : 'laget.lagesbild.exclude_item',
            )}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
