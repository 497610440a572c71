import { useEffect, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import type { RedactionSuggestion } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { suggestedReason } from '../lagesbilder/legal-grounds.js';
import { LegalGroundField, ReasonField } from '../lagesbilder/RedactionFields.js';

export type BulkAction = 'mask' | 'dismiss';

/** A first wording of the dismissal's reason; the person may change it, and it is kept in the log. */
const dismissReason = 'Uppgiften behöver inte döljas i den öppna versionen.';

/**
 * One legal ground (masking) and one reason for many suggestions. The ground is never
 * preselected: which law allows keeping something secret is the coordinator's judgement. The
 * dialog closes when the run starts; the list shows its progress.
 */
export function BulkDialog({
  action,
  suggestions,
  grounds,
  onClose,
  onConfirm,
}: {
  action: BulkAction | undefined;
  suggestions: RedactionSuggestion[];
  grounds: readonly string[];
  onClose: () => void;
  onConfirm: (
    action: BulkAction,
    suggestions: RedactionSuggestion[],
    legalGround: string,
    reason: string,
  ) => Promise<unknown>;
}) {
  const translate = useTranslate();
  const [legalGround, setLegalGround] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (!action) return;
    setLegalGround('');
    setReason(action === 'dismiss' ? dismissReason : suggestedReason(suggestions[0]?.kind));
    setTouched(false);
  }, [action, suggestions]);

  const groundMissing = action === 'mask' && !legalGround.trim();
  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!action || groundMissing || !reason.trim()) return;
    onClose();
    void onConfirm(action, suggestions, legalGround.trim(), reason.trim());
  }

  const title = translate(`laget.lagesbild.monday.${action ?? 'mask'}_title`, {
    smart_count: suggestions.length,
  });
  return (
    <Dialog open={Boolean(action)} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="bulk-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bulk-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography>
              {translate(`laget.lagesbild.monday.${action ?? 'mask'}_help`, {
                smart_count: suggestions.length,
              })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {suggestions.map((s) => s.text).join(', ')}
            </Typography>
            {action === 'mask' && (
              <LegalGroundField
                id="bulk-legal-ground"
                grounds={grounds}
                value={legalGround}
                onChange={setLegalGround}
                showMissing={touched && groundMissing}
              />
            )}
            <ReasonField id="bulk-reason" value={reason} onChange={setReason} touched={touched} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained">
            {title}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
